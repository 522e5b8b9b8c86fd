import Foundation
import Job
import Reports
import Testing

/// The reports folder switches from one whole set of pages to the next: a render killed half-way
/// (SIGKILL on a child held by a test hook after its material pages) leaves the old set visible, and the
/// next `scorecard render` publishes the new one and removes the unfinished set.
@Suite struct ReportPublishingTests {
    /// Every page procurement can open, by its path in the reports folder (through the links).
    static func visiblePages(_ reports: URL) throws -> [String: String] {
        var pages: [String: String] = [:]
        pages["index.html"] = try String(
            contentsOf: reports.appendingPathComponent("index.html"), encoding: .utf8)
        for folder in ["suppliers", "materials"] {
            let url = reports.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
                pages["\(folder)/\(name)"] = try String(
                    contentsOf: url.appendingPathComponent(name), encoding: .utf8)
            }
        }
        return pages
    }

    static func sets(_ reports: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: reports.appendingPathComponent(".sets").path)
            .sorted()
    }

    @Test func aKilledRenderLeavesTheOldSetAndTheNextRenderCompletesIt() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        _ = try fixture.run(asOf: "2026-06-30")
        let old = try Self.visiblePages(fixture.reports)
        #expect(old.count > 3)
        #expect(old.values.allSatisfy { $0.contains("as of 2026-06-30") && $0.contains("</html>") })

        let held = try ScorecardChild(
            fixture.runArguments(asOf: "2026-07-01"), environment: ["TEST_SCORECARD_HOLD_RENDER": "1"])
        #expect(held.waitForLog("render held for a test"), "\(held.log.suffix(2_000))")
        // Half-way: the new set has its material pages, not yet its supplier pages or index.
        let unfinished = try #require(try Self.sets(fixture.reports).first { $0.hasPrefix("run-2-") })
        let set = fixture.reports.appendingPathComponent(".sets/\(unfinished)")
        #expect(
            try !FileManager.default.contentsOfDirectory(atPath: set.appendingPathComponent("materials").path)
                .isEmpty)
        #expect(!FileManager.default.fileExists(atPath: set.appendingPathComponent("index.html").path))
        held.kill()
        held.wait()
        #expect(held.killedBySignal)

        // Wholly the old set, and the run says its HTML was not finished.
        #expect(try Self.visiblePages(fixture.reports) == old)
        let renderError = try fixture.scalar(
            "SELECT render_error FROM scorecard.runs WHERE as_of = '2026-07-01'", as: String.self)
        #expect(renderError?.contains("scorecard render") == true, "\(renderError ?? "nil")")

        let render = try ScorecardChild([
            "render", "--database", fixture.conninfo, "--reports", fixture.reports.path,
        ])
        #expect(render.wait() == 0, "\(render.log)")
        let new = try Self.visiblePages(fixture.reports)
        #expect(Set(new.keys) == Set(old.keys))
        #expect(new.values.allSatisfy { $0.contains("as of 2026-07-01") && $0.contains("</html>") })
        #expect(
            try fixture.scalar(
                "SELECT render_error IS NULL FROM scorecard.runs WHERE as_of = '2026-07-01'", as: Bool.self)
                == true)
        // The unfinished set is gone; the new one and the one before it stay.
        let kept = try Self.sets(fixture.reports)
        #expect(kept.count == 2, "\(kept)")
        #expect(!kept.contains(unfinished))
        #expect(
            ReportFolder(fixture.reports).currentSet?.lastPathComponent
                == kept.first { $0.hasPrefix("run-2-") })
    }

    /// A folder written before sets existed (real index.html and folders) is taken over by the first publish.
    @Test func aFolderOfThePreviousLayoutIsTakenOver() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        try FileManager.default.createDirectory(
            at: fixture.reports.appendingPathComponent("suppliers"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: fixture.reports.appendingPathComponent("index.html"))
        try Data("old".utf8).write(to: fixture.reports.appendingPathComponent("suppliers/SUP-OLD.html"))
        _ = try fixture.run(asOf: "2026-06-30")
        let pages = try Self.visiblePages(fixture.reports)
        #expect(pages["suppliers/SUP-OLD.html"] == nil)
        #expect(pages.values.allSatisfy { $0.contains("as of 2026-06-30") })
        // Three runs later only two sets remain, the old layout's folder among the removed.
        _ = try fixture.run(asOf: "2026-07-01")
        _ = try fixture.run(asOf: "2026-07-01")
        #expect(try Self.sets(fixture.reports).count == 2)
    }
}
