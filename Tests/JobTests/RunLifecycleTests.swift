import Domain
import Foundation
import Job
import Logging
import Postgres
import Store
import TestSupport
import Testing

@Suite struct RunLifecycleTests {
    @Test func aSecondConcurrentRunIsRefusedWithItsExitCode() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let holder = try fixture.holdLocks([(JobLocks.run, .exclusive)])
        defer { holder.close() }
        let error = try #require(throws: JobError.self) { try fixture.run(asOf: "2026-06-30") }
        #expect(error.exitCode == .lockHeld)
        #expect(error.exitCode.rawValue == 75)
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.runs", as: Int.self) == 0)
    }

    @Test func aFailedRunLeavesThePreviousResultsVisible() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let good = try fixture.run(asOf: "2026-06-30")
        // Make the next run fail half-way through writing its results.
        try fixture.execute(
            """
            CREATE FUNCTION pg_temp_fail() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$;
            CREATE TRIGGER fail_flags BEFORE INSERT ON scorecard_store.flags FOR EACH ROW EXECUTE FUNCTION pg_temp_fail();
            """)
        let error = try #require(throws: JobError.self) { try fixture.run(asOf: "2026-07-01") }
        #expect(error.exitCode == .failure)
        #expect(error.message.contains("disk on fire"))
        // The views still show the good run, the failed one is recorded with its error, nothing of it remains.
        #expect(try fixture.score("run_id", supplier: "SUP-A", as: Int64.self) == good.runId)
        let failed = try fixture.scalar(
            "SELECT status || ': ' || error FROM scorecard.runs WHERE run_id > $1", [good.runId],
            as: String.self)
        #expect(failed?.hasPrefix("failed: ") == true)
        #expect(failed?.contains("disk on fire") == true)
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard_store.supplier_scores WHERE run_id > $1", [good.runId],
                as: Int.self
            ) == 0)
        // Fixed, the next run succeeds.
        try fixture.execute("DROP TRIGGER fail_flags ON scorecard_store.flags")
        let next = try fixture.run(asOf: "2026-07-01")
        #expect(try fixture.score("run_id", supplier: "SUP-A", as: Int64.self) == next.runId)
    }

    @Test func aRunLeftRunningByADeadProcessIsMarkedFailed() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        try fixture.execute("INSERT INTO scorecard.runs (as_of, status) VALUES ('2026-06-29', 'running')")
        _ = try fixture.run(asOf: "2026-06-30")
        let dead = try fixture.scalar(
            "SELECT status || ': ' || error FROM scorecard.runs ORDER BY run_id LIMIT 1", as: String.self)
        #expect(dead?.hasPrefix("failed: abandoned") == true)
    }

    @Test func anUnreachableDatabaseGivesExitCode69() throws {
        let run = NightlyRun(
            configuration: Configuration(), paths: ResourcePaths(home: JobFixture.repositoryRoot),
            logger: Logger(label: "test"))
        let error = try #require(throws: JobError.self) {
            try run.run(
                asOf: Day(year: 2026, month: 6, day: 30), database: "host=/nonexistent/socket user=postgres")
        }
        #expect(error.exitCode == .databaseUnavailable)
        #expect(error.exitCode.rawValue == 69)
        #expect(error.message.contains("cannot connect"))
    }

    @Test func anUnmigratedDatabaseIsAUsageError() throws {
        let conninfo = try TestCluster.shared.makeDatabase()
        let run = NightlyRun(
            configuration: Configuration(), paths: ResourcePaths(home: JobFixture.repositoryRoot),
            logger: Logger(label: "test"))
        let error = try #require(throws: JobError.self) {
            try run.run(asOf: Day(year: 2026, month: 6, day: 30), database: conninfo)
        }
        #expect(error.exitCode == .usage)
        #expect(error.message.contains("scorecard migrate"))
    }

    @Test func renderingIntoAnUnwritableFolderKeepsTheResultsAndSaysSo() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        // A file where the reports folder should be: no user, root included, can create pages under it.
        try Data("not a folder".utf8).write(to: fixture.reports)
        let error = try #require(throws: JobError.self) { try fixture.run(asOf: "2026-06-30") }
        #expect(error.exitCode == .renderFailed)
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.supplier_scorecards", as: Int.self) == 2)
        #expect(
            try fixture.scalar("SELECT render_error IS NOT NULL FROM scorecard.runs", as: Bool.self) == true)
    }
}

@Suite struct JobErrorTests {
    @Test func messagesAreOneLine() {
        let error = JobError(
            .databaseUnavailable, "cannot connect: failed: No such file\n\tIs the server running?\n")
        #expect(error.message == "cannot connect: failed: No such file Is the server running?")
    }
}
