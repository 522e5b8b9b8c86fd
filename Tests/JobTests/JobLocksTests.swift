import Foundation
import Job
import Postgres
import Store
import Testing

/// The job's locks (`scorecard_store.job_locks` row locks): the modes keep runs, shards and reprocesses
/// apart, a dead holder releases them, and a buyer with `scorecard_reader` can neither take nor hold them.
@Suite struct JobLocksTests {
    @Test func exclusiveAndSharedModesConflictAsDocumented() throws {
        let fixture = try JobFixture()
        let first = JobLocks(try fixture.connect())
        let second = JobLocks(try fixture.connect())
        let third = JobLocks(try fixture.connect())
        #expect(try first.acquire([(JobLocks.run, .shared), (JobLocks.shard(0), .exclusive)]) == nil)
        #expect(try second.acquire([(JobLocks.run, .shared), (JobLocks.shard(0), .exclusive)]) == "shard 0")
        #expect(try second.acquire([(JobLocks.run, .shared), (JobLocks.shard(1), .exclusive)]) == nil)
        #expect(
            try third.acquire([(JobLocks.run, .exclusive)]) == JobLocks.run, "exclusive while two share it")
        first.close()
        second.close()
        try expectEventually { try third.acquire([(JobLocks.run, .exclusive)]) == nil }
        let fourth = JobLocks(try fixture.connect())
        #expect(try fourth.acquire([(JobLocks.run, .shared)]) == JobLocks.run, "shared while one holds it")
        try third.requireHeld()
        third.close()
        #expect(throws: PostgresError.self) { try third.requireHeld() }
    }

    /// The process that holds the locks is gone (its connection closed): the next one gets them.
    @Test func aClosedConnectionReleasesItsLocks() throws {
        let fixture = try JobFixture()
        let holder = try fixture.holdLocks([(JobLocks.run, .exclusive)])
        #expect(throws: JobError.self) { try fixture.run(asOf: "2026-06-30") }
        holder.close()
        try expectEventually { (try? fixture.run(asOf: "2026-06-30")) != nil }
    }

    /// A buyer tries everything the read-only role allows against the job's locks, and holds what it got
    /// (the old advisory key in both modes, every view locked in ACCESS SHARE mode, an open transaction)
    /// while a nightly run starts: the run succeeds.
    @Test func aReaderCannotTakeHoldOrWaitOnTheJobsLock() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let buyer = try fixture.readerLogin()
        defer { buyer.drop() }
        let reader = try buyer.connect()
        defer { reader.close() }
        try reader.execute("SET lock_timeout = '1s'")
        for attack in [
            "SELECT name FROM scorecard_store.job_locks FOR UPDATE NOWAIT",
            "SELECT name FROM scorecard_store.job_locks FOR SHARE",
            "LOCK TABLE scorecard_store.job_locks IN ACCESS EXCLUSIVE MODE",
            "SELECT run_id FROM scorecard.runs FOR UPDATE",
            "SELECT run_id FROM scorecard.runs FOR KEY SHARE",
            "LOCK TABLE scorecard.runs IN EXCLUSIVE MODE",
            "LOCK TABLE scorecard.supplier_scorecards IN ACCESS EXCLUSIVE MODE",
        ] {
            let refused = try #require(throws: PostgresError.self, "\(attack)") {
                try reader.inTransaction { _ = try reader.query(attack) }
            }
            #expect(refused.code == .insufficientPrivilege, "\(attack): \(refused)")
        }
        // What it can take, it holds throughout the run: the documented old key, both modes.
        _ = try reader.query("SELECT pg_advisory_lock(x'5C07ECA7D0002'::bigint)")
        _ = try reader.query("SELECT pg_advisory_lock_shared(x'5C07ECA7D0001'::bigint)")
        try reader.execute("BEGIN")
        for view in try reader.query(
            "SELECT table_name FROM information_schema.views WHERE table_schema = 'scorecard'")
        {
            try reader.execute(
                "LOCK TABLE scorecard.\(try view.decode(String.self, at: 0)) IN ACCESS SHARE MODE")
        }
        _ = try reader.query("SELECT count(*) FROM scorecard.supplier_scorecards")

        let summary = try fixture.run(asOf: "2026-06-30")
        #expect(summary.counts.suppliersScored == 2)
        let child = try ScorecardChild(
            fixture.runArguments(asOf: "2026-07-01", inbox: try fixture.emptyInbox()))
        #expect(child.wait() == 0, "\(child.log)")
        try reader.execute("COMMIT")
    }

    /// The attack as reported: a buyer sleeping on the documented advisory key while cron starts the job.
    @Test func theReportedAdvisoryLockAttackNoLongerStopsARun() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let buyer = try fixture.readerLogin()
        defer { buyer.drop() }
        let attack = try SpawnedProcess(
            "/usr/bin/psql",
            [buyer.conninfo, "-c", "SELECT pg_advisory_lock(x'5C07ECA7D0002'::bigint), pg_sleep(20)"])
        defer { attack.kill() }
        try expectEventually {
            try fixture.scalar(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted", as: Int.self) == 1
        }
        let child = try ScorecardChild(
            fixture.runArguments(asOf: "2026-06-30", inbox: try fixture.emptyInbox()))
        #expect(child.wait() == 0, "\(child.log)")
        #expect(!attack.hasEnded, "the buyer still held the key while the run ran")
    }
}

/// Polls `condition` for up to 30 s (the server ends a closed session's backend asynchronously).
func expectEventually(
    _ condition: () throws -> Bool, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    for _ in 0..<300 {
        if try condition() { return }
        usleep(100_000)
    }
    Issue.record("the condition never held", sourceLocation: sourceLocation)
}
