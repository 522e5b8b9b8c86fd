import Domain
import Foundation
import Job
import Logging
import Postgres
import Testing

/// The database stopped or restarted under a running job: exit code 69 with a clear message, the previous
/// results stay visible, the next run succeeds. Each test starts its own cluster, since it stops it.
@Suite struct FaultDatabaseTests {
    /// A private cluster in a short folder, destroyed by `destroy()`.
    struct PrivateCluster {
        let directory: String
        let script = JobFixture.repositoryRoot.appendingPathComponent("scripts/pgcluster").path

        init() throws {
            directory = "/tmp/scf-\(UUID().uuidString.prefix(8).lowercased())"
            try control("start")
        }

        var conninfo: String { "host=\(directory) user=postgres dbname=fault" }

        func control(_ action: String) throws {
            let status = SpawnedProcess.run(script, [action, directory])
            guard status == 0 else {
                throw FixtureError("scripts/pgcluster \(action) \(directory) exited \(status)")
            }
        }

        func destroy() { try? control("destroy") }
    }

    /// Cluster, migrated database with the demo world, one good run without CoAs, then a child run.
    static func start(_ body: (PrivateCluster, JobFixture, RunSummary, ScorecardChild) throws -> Void) throws
    {
        let cluster = try PrivateCluster()
        defer { cluster.destroy() }
        let admin = try PostgresConnection(
            "host=\(cluster.directory) user=postgres dbname=postgres", logger: Logger(label: "test"))
        try admin.executeScript("CREATE DATABASE fault")
        admin.close()
        let fixture = try JobFixture(conninfo: cluster.conninfo)
        _ = try fixture.loadDemoWorld(asOf: try JobFixture.day(FaultKillTests.asOf))
        var configuration = fixture.configuration()
        configuration.inbox = try fixture.emptyInbox().path
        let good = try NightlyRun(configuration: configuration, paths: fixture.paths, logger: fixture.logger)
            .run(asOf: try JobFixture.day(FaultKillTests.before), database: fixture.conninfo)
        let child = try ScorecardChild(fixture.runArguments(asOf: FaultKillTests.asOf))
        try body(cluster, fixture, good, child)
    }

    /// Runs `sql` on a connection left open (the server's stop ends it), then waits until the child's
    /// session waits for that lock.
    static func block(_ fixture: JobFixture, _ child: ScorecardChild, _ sql: String) throws
        -> PostgresConnection
    {
        let blocker = try fixture.connect()
        try blocker.executeScript(sql)
        #expect(try FaultKillTests.waitForSession(fixture, child, holding: nil))
        return blocker
    }

    static func expectPreviousResultsThenRecovery(_ fixture: JobFixture, good: RunSummary) throws {
        #expect(
            try fixture.scalar(
                "SELECT count(DISTINCT run_id) FROM scorecard.supplier_scorecards", as: Int.self)
                == 1)
        #expect(try fixture.score("run_id", supplier: "SUP-0001", as: Int64.self) == good.runId)
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.coa_documents", as: Int.self) == 0)
        let next = try fixture.run(asOf: FaultKillTests.asOf)
        #expect(next.counts.documentsAccepted > 0)
        #expect(try fixture.score("run_id", supplier: "SUP-0001", as: Int64.self) == next.runId)
        // The interrupted run is recorded as failed: by itself when it could, else as abandoned.
        let interrupted = try fixture.scalar(
            "SELECT status FROM scorecard.runs WHERE run_id > $1 AND run_id < $2", [good.runId, next.runId],
            as: String.self)
        #expect(interrupted == "failed")
    }

    @Test func theDatabaseStoppedDuringTheIntakeEndsWith69() throws {
        try Self.start { cluster, fixture, good, child in
            #expect(child.waitForLog("CoA intake started"))
            // Make the job wait at its first write of documents, so the stop lands mid-intake.
            let blocker = try Self.block(
                fixture, child, "BEGIN; LOCK TABLE scorecard_store.coa_documents IN SHARE MODE")
            defer { blocker.close() }
            try cluster.control("stop")
            let status = child.wait()
            #expect(status == 69, "\(child.log.suffix(2_000))")
            #expect(child.log.contains("lost the database"))
            #expect(!child.log.contains("CoA intake finished"))
            // Unreachable now: a new run says so with the same code, and writes nothing.
            let refused = try ScorecardChild(fixture.runArguments(asOf: FaultKillTests.asOf))
            #expect(refused.wait() == 69)
            #expect(refused.log.contains("cannot connect to PostgreSQL"))
            try cluster.control("start")
            try Self.expectPreviousResultsThenRecovery(fixture, good: good)
        }
    }

    @Test func theDatabaseRestartedWhileWritingResultsEndsWith69() throws {
        try Self.start { cluster, fixture, good, child in
            #expect(child.waitForLog("run started"))
            // Make the job wait at its final update, every result written but uncommitted.
            let blocker = try Self.block(
                fixture, child,
                "BEGIN; SELECT run_id FROM scorecard_store.runs WHERE status = 'running' FOR NO KEY UPDATE")
            defer { blocker.close() }
            #expect(child.log.contains("scoring finished"))
            try cluster.control("stop")
            try cluster.control("start")
            let status = child.wait()
            #expect(status == 69, "\(child.log.suffix(2_000))")
            #expect(child.log.contains("lost the database"))
            // The summary line; the failed UPDATE itself is named in the error.
            #expect(!child.log.contains(" succeeded as of "))
            try Self.expectPreviousResultsThenRecovery(fixture, good: good)
        }
    }
}

extension JobFixture {
    /// A fixture on a database of a cluster the test controls; migrated.
    init(conninfo: String) throws {
        logger = Logger(label: "test")
        self.conninfo = conninfo
        paths = ResourcePaths(home: JobFixture.repositoryRoot)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scorecard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        _ = try Database.migrate(conninfo, paths: paths, logger: logger)
    }
}
