import Domain
import Foundation
import ReportModel
import Testing

@testable import Reports

/// Pages printed to A4 by headless Chromium (`--print-to-pdf`, the print stylesheet applies) and read
/// back with poppler's `pdftotext`: what a buyer gets on paper, not what the markup promises.
private let browser = [
    "/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell", "/usr/bin/chromium",
].first { FileManager.default.isExecutableFile(atPath: $0) }
private let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

@Suite(.enabled(if: browser != nil && pdftotext != nil, "needs chromium-headless-shell and pdftotext"))
struct PrintTests {
    /// The ranking's column headers, in order, as the index prints them.
    static let rankingColumns = [
        "#", "Supplier", "Score", "Grade", "Change", "Status", "Risk", "OTD", "PPM", "Critical", "Warning",
        "Info",
    ]

    @Test func indexSupplierAndMaterialPagesPrintOnA4WithNothingLost() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var report = Fixtures.smallReport()
        // One supplier with a flag of every kind, so every plain heading is printed once.
        report.suppliers.append(
            SupplierReport(
                supplierId: "SUP-0100", name: "Every Flag Ltd", recommendedStatus: "probation",
                flags: FlagKind.allCases.map { kind in
                    Flag(
                        supplierId: "SUP-0100", materialId: "MAT-0007", kind: kind, severity: .warning,
                        message: "Finding of kind \(kind.rawValue).", evidence: ["share": 0.25])
                }))
        report.suppliers[report.suppliers.count - 1].today = TodayEntry(rank: 2, urgency: "urgent")
        _ = try ReportRenderer(templatesDirectory: Fixtures.templatesDirectory).render(report, to: root)

        var pageCounts: [String: Int] = [:]
        let index = try printed(root.appendingPathComponent("index.html"), into: root)
        pageCounts["index.html"] = index.pages
        // Every column header on one line of the laid-out text, in order: no column cut off the page.
        let header = index.layout.split(separator: "\n").first { line in
            line.contains("Critical") && line.contains("Supplier")
        }
        let words = header.map { $0.split(separator: " ").map(String.init) } ?? []
        #expect(words == Self.rankingColumns, "ranking header as printed: \(words)")
        for supplier in report.suppliers {
            #expect(
                index.text.contains(supplier.supplierId),
                "\(supplier.supplierId) missing from the printed index")
        }

        for supplier in report.suppliers {
            let file = "suppliers/" + PageFileName.html(for: supplier.supplierId)
            let page = try printed(root.appendingPathComponent(file), into: root)
            pageCounts[file] = page.pages
            for flag in supplier.flags {
                #expect(page.text.contains(Wording.flagKind(flag.kind)), "\(file): heading of \(flag.kind)")
            }
            // Closed sections print open: the engineer's evidence is on paper.
            if supplier.supplierId == "SUP-0002" {
                #expect(page.text.contains("projected lots to limit"))
                #expect(page.text.contains("Quality engineer's details"))
            }
            // At most 4 pages, unless the flags need more.
            #expect(page.pages <= max(4, supplier.flags.count / 2), "\(file) prints on \(page.pages) pages")
        }
        let material = try printed(root.appendingPathComponent("materials/MAT-0007.html"), into: root)
        pageCounts["materials/MAT-0007.html"] = material.pages
        #expect(material.text.contains("Sodium citrate"))
        #expect(material.pages <= 2)

        let counts = pageCounts.keys.sorted().map { "\($0): \(pageCounts[$0] ?? 0)" }
        print("A4 page counts: " + counts.joined(separator: ", "))
    }

    private struct Printed {
        /// Reading order, whitespace folded to single spaces (headings may wrap).
        var text: String
        /// `pdftotext -layout`: lines as laid out on the page.
        var layout: String
        var pages: Int
    }

    private func printed(_ page: URL, into folder: URL) throws -> Printed {
        let pdf = folder.appendingPathComponent("print-\(UUID().uuidString).pdf")
        try run(
            browser ?? "",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
                "--timeout=20000", "--print-to-pdf=\(pdf.path)", page.absoluteString,
            ])
        let plain = try run(pdftotext ?? "", [pdf.path, "-"])
        let layout = try run(pdftotext ?? "", ["-layout", pdf.path, "-"])
        // pdftotext ends every page with a form feed.
        let pages = plain.filter { $0 == "\u{0C}" }.count
        let folded = plain.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return Printed(text: folded, layout: layout, pages: pages)
    }

    @discardableResult
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(tool) failed")
        return String(decoding: data, as: UTF8.self)
    }
}
