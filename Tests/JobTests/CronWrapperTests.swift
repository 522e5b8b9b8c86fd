import Foundation
import Testing

/// Runs `cron/scorecard-cron` the way cron does: minimal environment, settings from an env file.
@Suite struct CronWrapperTests {
    struct Outcome {
        var status: Int32
        var log: String
    }

    static var binary: URL {
        JobFixture.repositoryRoot.appendingPathComponent(".build/debug/scorecard")
    }

    static func runWrapper(_ fixture: JobFixture, envFile: String, extra: [String] = []) throws -> Outcome {
        let log = fixture.directory.appendingPathComponent("log/scorecard.log")
        let process = Process()
        process.executableURL = JobFixture.repositoryRoot.appendingPathComponent("cron/scorecard-cron")
        process.arguments = extra
        process.environment = [
            "PATH": "/usr/bin:/bin",
            "SCORECARD_ENV": fixture.directory.appendingPathComponent("scorecard.env").path,
            "SCORECARD_BIN": binary.path,
            "SCORECARD_HOME": JobFixture.repositoryRoot.path,
            "SCORECARD_LOG": log.path,
            "SCORECARD_LOCK": fixture.directory.appendingPathComponent("scorecard.lock").path,
        ]
        try envFile.write(
            to: fixture.directory.appendingPathComponent("scorecard.env"), atomically: true, encoding: .utf8)
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return Outcome(status: process.terminationStatus, log: text)
    }

    static func envFile(_ fixture: JobFixture, extra: String = "") -> String {
        let parts = Dictionary(
            uniqueKeysWithValues: fixture.conninfo.split(separator: " ").compactMap {
                pair -> (String, String)? in
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                return kv.count == 2 ? (kv[0], kv[1]) : nil
            })
        return """
            PGHOST=\(parts["host"] ?? "")
            PGDATABASE=\(parts["dbname"] ?? "")
            PGUSER=\(parts["user"] ?? "")
            SCORECARD_INBOX=\(fixture.inbox.path)
            SCORECARD_REPORTS=\(fixture.reports.path)
            \(extra)
            """
    }

    @Test func runsTheJobAppendsToTheLogAndPassesTheExitCodeThrough() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.binary.path), "build first: swift build")
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let first = try Self.runWrapper(
            fixture, envFile: Self.envFile(fixture), extra: ["--as-of", "2026-06-30"])
        #expect(first.status == 0)
        #expect(first.log.contains("scorecard-cron: start"))
        #expect(first.log.contains("succeeded as of 2026-06-30: 2 suppliers scored"))
        #expect(first.log.contains("scorecard-cron: end: exit 0"))
        #expect(
            FileManager.default.fileExists(atPath: fixture.reports.appendingPathComponent("index.html").path))

        // A bad argument: the job's own exit code (64) comes through, and the log is appended to, not replaced.
        let second = try Self.runWrapper(
            fixture, envFile: Self.envFile(fixture), extra: ["--as-of", "yesterday"])
        #expect(second.status == 64)
        #expect(second.log.contains("scorecard-cron: end: exit 0"))
        #expect(second.log.contains("scorecard-cron: end: exit 64"))
    }

    @Test func anOverlappingRunExits75() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.binary.path), "build first: swift build")
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        // Hold the wrapper's lock as a running night would.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [fixture.directory.appendingPathComponent("scorecard.lock").path, "sleep", "30"]
        try holder.run()
        defer { holder.terminate() }
        Thread.sleep(forTimeInterval: 0.5)
        let outcome = try Self.runWrapper(fixture, envFile: Self.envFile(fixture))
        #expect(outcome.status == 75)
        #expect(outcome.log.contains("another run is in progress"))
    }

    @Test func aPasswordFileOthersCanReadIsRefused() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.binary.path), "build first: swift build")
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let passfile = fixture.directory.appendingPathComponent("pgpass")
        try "*:*:*:*:secret\n".write(to: passfile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: passfile.path)
        let outcome = try Self.runWrapper(
            fixture, envFile: Self.envFile(fixture, extra: "PGPASSFILE=\(passfile.path)"))
        #expect(outcome.status == 64)
        #expect(outcome.log.contains("must be readable by its owner only"))
        #expect(!outcome.log.contains("secret"))
    }
}
