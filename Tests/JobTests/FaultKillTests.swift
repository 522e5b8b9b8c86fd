import Domain
import Foundation
import Job
import Postgres
import Testing

/// The process killed with SIGKILL half-way: nothing of the dead run is visible, the previous results
/// stay, the next run marks the dead one failed and succeeds. The demo world (40 suppliers, two years,
/// about 1,500 CoA files) keeps the debug build busy for seconds in each stage.
@Suite struct FaultKillTests {
    static let asOf = "2026-11-20"
    static let before = "2026-11-19"

    /// A good run without CoAs as of the day before, then a child run, killed once `ready` holds.
    static func kill(
        when ready: (JobFixture, ScorecardChild) throws -> Bool
    ) throws -> (JobFixture, good: RunSummary, child: ScorecardChild) {
        let fixture = try JobFixture()
        let files = try fixture.loadDemoWorld(asOf: try JobFixture.day(asOf)).coaFiles
        #expect(files > 500)
        var configuration = fixture.configuration()
        configuration.inbox = try fixture.emptyInbox().path
        let good = try NightlyRun(configuration: configuration, paths: fixture.paths, logger: fixture.logger)
            .run(asOf: try JobFixture.day(before), database: fixture.conninfo)
        let child = try ScorecardChild(fixture.runArguments(asOf: asOf))
        let reached = try ready(fixture, child)
        child.kill()
        child.wait()
        #expect(reached, "the child never reached the point to kill it: \(child.log.suffix(2_000))")
        #expect(child.killedBySignal, "the child ended before it was killed: \(child.log.suffix(2_000))")
        return (fixture, good, child)
    }

    /// Polls until another session of the fixture's database holds `mode` on `relation` (it has written
    /// to that table in its open transaction), or waits for a lock (`relation` nil); false if the child
    /// ended first.
    static func waitForSession(
        _ fixture: JobFixture, _ child: ScorecardChild, holding relation: String?
    ) throws -> Bool {
        let connection = try fixture.connect()
        defer { connection.close() }
        let sql =
            relation == nil
            ? """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'
            """
            : """
            SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid)
            WHERE a.datname = current_database() AND l.pid <> pg_backend_pid()
              AND l.relation = '\(relation ?? "")'::regclass AND l.mode = 'RowExclusiveLock' AND l.granted
            """
        for _ in 0..<30_000 {
            let count = try connection.query(sql).first { _ in true }.map { try $0.decode(Int.self, at: 0) }
            if (count ?? 0) > 0 { return true }
            if child.hasEnded { return false }
            usleep(20_000)
        }
        return false
    }

    static func expectNothingOfTheDeadRun(_ fixture: JobFixture, good: RunSummary) throws {
        // The views still show the good run for every supplier; nothing the dead run wrote is visible.
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.supplier_scorecards WHERE run_id <> $1", [good.runId],
                as: Int.self) == 0)
        #expect(
            try fixture.scalar("SELECT count(*) FROM scorecard.supplier_scorecards", as: Int.self)
                == good.counts.suppliersScored)
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.coa_documents", as: Int.self) == 0)
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.coa_measurements", as: Int.self) == 0)
        for table in ["supplier_scores", "flags", "characteristic_capability"] {
            #expect(
                try fixture.scalar(
                    "SELECT count(*) FROM scorecard_store.\(table) WHERE run_id > $1", [good.runId],
                    as: Int.self)
                    == 0, "\(table)")
        }
        // Its row says running: the process had no chance to say anything else.
        #expect(
            try fixture.scalar(
                "SELECT string_agg(status, ',') FROM scorecard.runs WHERE run_id > $1", [good.runId],
                as: String.self) == "running")
    }

    static func expectTheNextRunRecovers(_ fixture: JobFixture, good: RunSummary) throws {
        let next = try fixture.runAfterKill(asOf: asOf)
        let dead = try fixture.scalar(
            "SELECT status || ': ' || error FROM scorecard.runs WHERE run_id > $1 AND run_id < $2",
            [good.runId, next.runId], as: String.self)
        #expect(dead?.hasPrefix("failed: abandoned") == true)
        #expect(next.counts.documentsAccepted > 0)
        #expect(
            try fixture.scalar(
                "SELECT count(DISTINCT run_id) FROM scorecard.supplier_scorecards", as: Int.self) == 1)
        #expect(try fixture.score("run_id", supplier: "SUP-0001", as: Int64.self) == next.runId)
        // Every inbox file was ingested once, by the run that committed.
        #expect(
            try fixture.scalar("SELECT count(DISTINCT run_id) FROM scorecard.coa_documents", as: Int.self)
                == 1)
        #expect(
            try fixture.scalar("SELECT count(*) FROM scorecard.coa_documents", as: Int.self)
                == next.counts.documentsAccepted + next.counts.documentsRejected
                + next.counts.documentsDuplicate)
    }

    @Test func killedWhileIngesting() throws {
        let (fixture, good, child) = try Self.kill { fixture, child in
            // Killed once the first batch of documents is written into the run's open transaction.
            guard child.waitForLog("CoA intake started") else { return false }
            return try Self.waitForSession(fixture, child, holding: "scorecard_store.coa_documents")
        }
        #expect(!child.log.contains("CoA intake finished"))
        try Self.expectNothingOfTheDeadRun(fixture, good: good)
        try Self.expectTheNextRunRecovers(fixture, good: good)
    }

    @Test func killedWhileWritingResults() throws {
        var blocker: PostgresConnection?
        defer { blocker?.close() }
        let (fixture, good, child) = try Self.kill { fixture, child in
            // Hold the run's row (FOR NO KEY UPDATE: the documents' foreign key checks still pass) as soon as it exists (committed before "run started"): the job ingests,
            // writes every score, capability and flag, then waits at its final UPDATE of scorecard.runs,
            // all uncommitted. It is killed there.
            guard child.waitForLog("run started") else { return false }
            let connection = try fixture.connect()
            blocker = connection
            try connection.executeScript(
                "BEGIN; SELECT run_id FROM scorecard_store.runs WHERE status = 'running' FOR NO KEY UPDATE")
            guard try Self.waitForSession(fixture, child, holding: nil) else { return false }
            guard try Self.waitForSession(fixture, child, holding: "scorecard_store.flags") else {
                return false
            }
            return try Self.waitForSession(fixture, child, holding: "scorecard_store.supplier_scores")
        }
        try blocker?.executeScript("ROLLBACK")
        #expect(child.log.contains("CoA intake finished"))
        #expect(child.log.contains("scoring finished"))
        // The summary line; the failed UPDATE itself is named in the error.
        #expect(!child.log.contains(" succeeded as of "))
        try Self.expectNothingOfTheDeadRun(fixture, good: good)
        try Self.expectTheNextRunRecovers(fixture, good: good)
    }
}
