import Foundation
import Job
import Testing

/// The disk full while rendering: the results stay stored, the run ends with 73, `scorecard render`
/// redoes the HTML once there is room. A full disk is a real one: a 1 MiB tmpfs filled up, which needs
/// root (as in CI); where mounting is not allowed the test is skipped, not faked.
@Suite struct FaultDiskTests {
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tmpfs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: probe) }
        guard (try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)) != nil,
            command("/bin/mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path) == 0
        else { return false }
        return command("/bin/umount", probe.path) == 0
    }()

    @discardableResult
    static func command(_ path: String, _ arguments: String...) -> Int32 {
        SpawnedProcess.run(path, arguments)
    }

    /// Fills the file system of `folder` with a file; returns the file.
    static func fill(_ folder: URL) -> URL {
        let filler = folder.appendingPathComponent("filler")
        FileManager.default.createFile(atPath: filler.path, contents: nil)
        if let handle = try? FileHandle(forWritingTo: filler) {
            let block = Data(repeating: 0x20, count: 4_096)
            while (try? handle.write(contentsOf: block)) != nil {}
            try? handle.close()
        }
        return filler
    }

    @Test(.enabled(if: FaultDiskTests.canMount))
    func aFullDiskWhileRenderingKeepsTheResultsAndRenderRedoesIt()
        throws
    {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        try FileManager.default.createDirectory(at: fixture.reports, withIntermediateDirectories: true)
        #expect(
            Self.command("/bin/mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", fixture.reports.path) == 0)
        defer { Self.command("/bin/umount", fixture.reports.path) }
        let filler = Self.fill(fixture.reports)

        let error = try #require(throws: JobError.self) { try fixture.run(asOf: "2026-06-30") }
        #expect(error.exitCode == .renderFailed)
        #expect(error.exitCode.rawValue == 73)
        #expect(error.message.contains("scorecard render"))
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.supplier_scorecards", as: Int.self) == 2)
        let renderError = try fixture.scalar("SELECT render_error FROM scorecard.runs", as: String.self)
        #expect(renderError?.contains("space") == true, "\(renderError ?? "nil")")
        // No half-written page under a page's name.
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture.reports.path)
        where name.hasSuffix(".html") {
            let text = try String(contentsOf: fixture.reports.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains("</html>"), "\(name) is cut short")
        }
        // Nor a temporary file left behind to fill the disk further night after night.
        let leftovers =
            (FileManager.default.enumerator(atPath: fixture.reports.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")

        // Still full: `scorecard render` fails the same way.
        let stillFull = try ScorecardChild([
            "render", "--database", fixture.conninfo, "--reports", fixture.reports.path,
        ])
        #expect(stillFull.wait() == 73, "\(stillFull.log)")
        #expect(stillFull.log.contains("cannot write the HTML"))

        // Room again: it renders the stored run and clears the run's render error.
        try FileManager.default.removeItem(at: filler)
        let render = try ScorecardChild([
            "render", "--database", fixture.conninfo, "--reports", fixture.reports.path,
        ])
        #expect(render.wait() == 0, "\(render.log)")
        let index = try String(
            contentsOf: fixture.reports.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("Alpha Chemicals"))
        #expect(try fixture.scalar("SELECT render_error IS NULL FROM scorecard.runs", as: Bool.self) == true)
    }
}
