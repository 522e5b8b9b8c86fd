import Domain
import Foundation
import ReportModel
import Reports
import Testing

@Suite struct RendererTests {
    /// Renders the small fixture into a fresh folder nested two levels deep, so an escaping file
    /// would land in a folder the test can inspect.
    private func renderSmall() throws -> (root: URL, out: URL, summary: RenderSummary) {
        let root = try Fixtures.temporaryDirectory()
        let out = root.appendingPathComponent("a/b/out", isDirectory: true)
        let renderer = try ReportRenderer(templatesDirectory: Fixtures.templatesDirectory)
        let summary = try renderer.render(Fixtures.smallReport(), to: out)
        return (root, out, summary)
    }

    private func read(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    private func allFiles(under url: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String { files.append(path) }
        return files.sorted()
    }

    @Test func writesIndexAndOnePagePerSupplierAndMaterial() throws {
        let (root, out, summary) = try renderSmall()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(
            allFiles(under: out) == [
                "glossary.html", "index.html", "materials", "materials/MAT-0007.html",
                "materials/_2E_2E_2FMAT.html",
                "suppliers",
                "suppliers/SUP-0002.html", "suppliers/SUP-0009.html",
                "suppliers/_2E_2E_2F_2E_2E_2Fetc_2Fpasswd.html",
            ])
        #expect(summary.pagesWritten == 7)
        let sizes = try allFiles(under: out).filter { $0.hasSuffix(".html") }.map {
            try Data(contentsOf: out.appendingPathComponent($0)).count
        }
        #expect(summary.bytesWritten == sizes.reduce(0, +))
        // Nothing escaped the output folder (ids "../../etc/passwd" and "../MAT").
        #expect(
            allFiles(under: root) == ["a", "a/b", "a/b/out"] + allFiles(under: out).map { "a/b/out/" + $0 })
    }

    @Test func supplierPageShowsFiguresRoundedAsDocumented() throws {
        let (root, out, _) = try renderSmall()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = try read(out.appendingPathComponent("suppliers/SUP-0002.html"))
        for expected in [
            "<dt>On-time delivery (OTD)</dt><dd>96.4 %</dd>",
            "<dt>On time in full (OTIF)</dt><dd>90.0 %</dd>",
            "<dt>Average days late</dt><dd>2.3 days</dd>",
            "<dt>Defective parts per million</dt><dd>1,235 ppm</dd>",
            "<dt>Lot rejection rate</dt><dd>3.3 %</dd>", "<dt>CoA conformance</dt><dd>100.0 %</dd>",
            "<dt>CoA results in edge band</dt><dd>20.0 %</dd>", "<dt>Lots without a CoA</dt><dd>2</dd>",
            "<dt>Median response time</dt><dd>36.3 h</dd>", "<dt>Answered within SLA</dt><dd>75.0 %</dd>",
            "<span class=\"score\">71.3</span>", "<strong>\u{2212}8.8</strong> (was 80.0)",
            "score 80.0 → 71.3 (\u{2212}8.8)",
            "status qualified → conditional", "flags 0 → 1", "Qualified with one drift warning open.",
            "<td>largest 25 %</td><td class=\"num\">12</td><td class=\"num\">50.0 %</td><td class=\"num\">6.5 days</td>",
            "<td>the rest</td><td class=\"num\">36</td><td class=\"num\">no data</td><td class=\"num\">no data</td>",
            "<tr><td>2026-02</td><td class=\"num\">0</td><td class=\"num\">no data</td><td class=\"num\">no data</td></tr>",
            "<tr><td>2026-02</td><td class=\"num\">5</td><td class=\"num\">30.0 h</td><td class=\"num\">80.0 %</td>"
                + "<td class=\"num\">1</td></tr>",
            "<tr><td>2026-03</td><td class=\"num\">0</td><td class=\"num\">no data</td><td class=\"num\">no data</td>"
                + "<td class=\"num\">0</td></tr>",
            "<tr id=\"coa-DOC-1\"><td>DOC-1<br /><small><code>inbox/SUP-0002/L-111.xml</code></small></td>",
            "<span class=\"badge sev-critical\">rejected</span>",
            "line 3, column 7: unknown element &lt;Moisture&gt;",
        ] {
            #expect(page.contains(expected), "missing: \(expected)")
        }
    }

    @Test func materialPageComparesSourcesByTheirStoredMaterialFigures() throws {
        let (root, out, _) = try renderSmall()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = try read(out.appendingPathComponent("materials/MAT-0007.html"))
        for expected in [
            "<td class=\"num\">96.4 % of 48 lines</td><td class=\"num\">90.0 % of 48 lines</td>",
            "<td class=\"num\">1,235 ppm</td><td class=\"num\">30</td>",
            "<td>15.0 days actual (median of 40) vs 12.0 days quoted</td>",
            "<td>4.85 per kg from 500 kg, 14.0 days (typical order 900 kg; currency not recorded)</td>",
            "<td>5400 kg on 6 lines, 26,190.00 (currency not recorded)</td>",
        ] {
            #expect(page.contains(expected), "missing: \(expected)")
        }
        #expect(!page.contains("Supplier OTD") && !page.contains("over all its materials"))
    }

    @Test func sourceFigureWordingCoversTheEdgeCases() {
        #expect(ReportFormat.amount(12_345.5) == "12,345.50")
        #expect(ReportFormat.amount(0.004) == "0.00")
        #expect(ReportFormat.price(0.12345) == "0.1235")
        #expect(ReportFormat.amount(nil) == ReportFormat.noData)
    }

    @Test func nilRatesReadNoDataNeverZeroOrHundred() throws {
        let (root, out, _) = try renderSmall()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = try read(out.appendingPathComponent("suppliers/SUP-0009.html"))
        // OTD, OTIF, days late, PPM, rejection, conformance, edge, median response, within SLA.
        #expect(page.components(separatedBy: "<dd class=\"nodata\">no data</dd>").count - 1 == 9)
        #expect(!page.contains(" %</dd>"))
        #expect(page.contains("<span class=\"score nodata\">no data</span>"))
        #expect(page.contains("No monthly delivery data."))
        #expect(page.contains("No CoA results to chart."))
        let index = try read(out.appendingPathComponent("index.html"))
        #expect(index.contains("<td class=\"num nodata\">no data</td><td class=\"num nodata\">no data</td>"))
    }

    @Test func hostileStringsAreEscapedOnEveryPage() throws {
        let (root, out, _) = try renderSmall()
        defer { try? FileManager.default.removeItem(at: root) }
        let escaped =
            "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&#39;&amp;"
        for path in allFiles(under: out) where path.hasSuffix(".html") {
            let page = try read(out.appendingPathComponent(path))
            #expect(!page.contains("<script"), "\(path)")
            #expect(!page.contains("<img"), "\(path)")
            var checker = MarkupChecker()
            try checker.check(page)
            #expect(!checker.elements.contains("script") && !checker.elements.contains("img"), "\(path)")
            #expect(checker.attributes.allSatisfy { !$0.hasPrefix("on") }, "\(path)")
            let showsHostileName = [
                "index.html", "suppliers/_2E_2E_2F_2E_2E_2Fetc_2Fpasswd.html", "materials/_2E_2E_2FMAT.html",
            ]
            if showsHostileName.contains(path) {
                #expect(page.contains(escaped), "\(path) does not show the hostile name escaped")
            }
        }
        let hostilePage = try read(
            out.appendingPathComponent("suppliers/_2E_2E_2F_2E_2E_2Fetc_2Fpasswd.html"))
        // Inside the SVG: the chart's aria-label attribute and its <title> text, and a lot's title.
        #expect(hostilePage.contains("aria-label=\"Control chart of \(escaped)"))
        #expect(hostilePage.contains("<title>lot \(escaped), 2026-02-01"))
        #expect(hostilePage.contains("<title>On-time delivery and OTIF by month for \(escaped)</title>"))
        // Links to other pages use the safe file names.
        #expect(hostilePage.contains("href=\"../materials/_2E_2E_2FMAT.html\""))
        let index = try read(out.appendingPathComponent("index.html"))
        #expect(index.contains("href=\"suppliers/_2E_2E_2F_2E_2E_2Fetc_2Fpasswd.html\""))
    }

    @Test func everyPageIsWellFormed() throws {
        let (root, out, _) = try renderSmall()
        defer { try? FileManager.default.removeItem(at: root) }
        for path in allFiles(under: out) where path.hasSuffix(".html") {
            var checker = MarkupChecker()
            #expect(throws: Never.self, "\(path)") {
                try checker.check(try read(out.appendingPathComponent(path)))
            }
        }
    }

    @Test func indexRanksAndSortsSuppliersIntoSections() throws {
        let (root, out, _) = try renderSmall()
        defer { try? FileManager.default.removeItem(at: root) }
        let index = try read(out.appendingPathComponent("index.html"))
        let ranking = try #require(index.range(of: "id=\"ranking\""))
        let table = index[ranking.upperBound...]
        // The verdict first: the conditional supplier above the unknown status scored 90, then no score.
        let order = ["Drift Chemicals GmbH", "&lt;script", "Quiet Supplies Ltd"].compactMap {
            table.range(of: $0)?.lowerBound
        }
        #expect(order.count == 3 && order == order.sorted())
        func section(_ id: String) throws -> Substring {
            let start = try #require(index.range(of: "<section id=\"\(id)\""))
            let end = try #require(index[start.upperBound...].range(of: "</section>"))
            return index[start.upperBound..<end.lowerBound]
        }
        // Today: the critical flag (hostile supplier) before the conditional one; each with why and what to do.
        let today = try section("today")
        let order2 = ["&lt;script", "Drift Chemicals GmbH"].compactMap { today.range(of: $0)?.lowerBound }
        #expect(order2.count == 2 && order2 == order2.sorted())
        #expect(today.contains("<strong>keep conditional</strong>"))
        #expect(
            today.contains(
                "at stake: only usable source of MAT-0007; open orders worth 26,190.00 (currency not recorded)"
            ))
        #expect(today.contains("Why: Qualified with one drift warning open."))
        #expect(!today.contains("Quiet Supplies"))
        let changes = try section("changes")
        #expect(changes.contains("score 80.0 → 71.3 (\u{2212}8.8)"))
        #expect(changes.contains("status qualified → conditional"))
        #expect(changes.contains("new: Results drifting toward a specification limit (MAT-0007 moisture)"))
        #expect(
            changes.contains("Quiet Supplies Ltd</a> (SUP-0009): <span class=\"change\">new supplier</span>"))
        #expect(try section("rejected").contains("Ask SUP-0002 to resend 1 CoA file: 1 "))
        #expect(try section("rejected").contains("line 3: &lt;script&gt;"))
        #expect(try section("rejected").contains("Drift Chemicals GmbH (SUP-0002)"))
        #expect(try section("materials").contains("Sodium citrate</a> (MAT-0007, critical)"))
        #expect(index.contains("<b class=\"sev-critical\">1</b>critical flags"))
        #expect(index.contains("Run <strong>42</strong> as of <strong>2026-03-01</strong>"))
        #expect(
            index.contains(
                "Figures cover the current window 2025-12-02 to 2026-03-01; trends compare it with the baseline"
                    + " 2025-06-05 to 2025-12-01."))
        #expect(index.contains("started 2026-03-01 02:00 UTC, finished 2026-03-01 02:02 UTC"))
    }

    @Test func flagEvidenceIsATable() throws {
        let (root, out, _) = try renderSmall()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = try read(out.appendingPathComponent("suppliers/SUP-0002.html"))
        #expect(page.contains("<tr><th scope=\"row\">ewma limit</th><td>0.47</td></tr>"))
        #expect(page.contains("<tr><th scope=\"row\">projected lots to limit</th><td>7</td></tr>"))
        #expect(page.contains("<thead><tr><th>lot</th><th>value</th></tr></thead>"))
        #expect(page.contains("<tr><td>L-101</td><td>0.46</td></tr><tr><td>L-102</td><td>0.49</td></tr>"))
    }

    @Test func chartsDrawLimitsBandsAndFlaggedLotsWithShapes() throws {
        let (root, out, _) = try renderSmall()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = try read(out.appendingPathComponent("suppliers/SUP-0002.html"))
        for label in [
            "USL 0.5", "LSL 0.3", "mean 0.4", "EWMA UCL 0.42", "EWMA LCL 0.38", "edge band", "flagged lot",
        ] {
            #expect(page.contains(">\(label)</text>"), "missing label \(label)")
        }
        // Lots L-110 and L-111 are flagged: a frame each, plus one in the legend.
        #expect(page.components(separatedBy: "class=\"flag-frame\"").count - 1 == 3)
        #expect(page.contains("Flagged lots: L-110, L-111."))
        // February has no delivery data: marked in words, not as an empty or zero bar.
        #expect(page.contains(">n/d</text>"))
        #expect(
            page.contains("<title>2026-03: OTD 50.0 %, OTIF 25.0 %, 4 due lines (partial month)</title>"))
        #expect(page.contains(">n=4, partial</text>"))
        // Responsiveness drawn too: February's median with its one unanswered message; March had none.
        #expect(
            page.contains("<title>2026-02: median response 30.0 h, 5 messages, 1 still unanswered</title>"))
        #expect(page.contains(">1 open</text>"))
        #expect(page.contains(">n=20</text>"))
    }

    @Test func renderingIsDeterministicAndLeavesNoTemporaryFiles() throws {
        let (root, out, _) = try renderSmall()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try read(out.appendingPathComponent("suppliers/SUP-0002.html"))
        let renderer = try ReportRenderer(templatesDirectory: Fixtures.templatesDirectory)
        _ = try renderer.render(Fixtures.smallReport(), to: out)
        #expect(try read(out.appendingPathComponent("suppliers/SUP-0002.html")) == first)
        #expect(allFiles(under: out).allSatisfy { !$0.hasSuffix(".tmp") })
    }
}
