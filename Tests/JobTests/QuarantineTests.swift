import Foundation
import Job
import Testing

/// A file on which the job dies while judging it (a test hook aborts the real binary, as a crash in a
/// parser would) dies with it twice at most: the first night in its batch, the second alone; the third
/// night it is quarantined and every other file is accepted.
@Suite struct QuarantineTests {
    static let hook = ["TEST_SCORECARD_ABORT_JUDGING": "culprit"]

    @Test func aFileThatCrashesTheJobTwiceIsQuarantinedAndTheRestAccepted() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let lots = ["Q1", "Q2", "Q3", "Q4"]
        for lot in lots {
            try fixture.writeInbox("SUP-A/\(lot).xml", CoAIntakeTests.canonical(lot: lot))
        }
        try fixture.writeInbox("SUP-A/culprit.xml", CoAIntakeTests.canonical(lot: "Q9"))
        let files = lots.count + 1

        // Night 1: the whole batch was being judged.
        let first = try ScorecardChild(fixture.runArguments(asOf: "2026-06-30"), environment: Self.hook)
        #expect(first.wait() == 128 + SIGABRT, "\(first.log.suffix(2_000))")
        #expect(
            try fixture.scalar("SELECT count(*) FROM scorecard_store.coa_attempts", as: Int.self) == files)
        #expect(
            try fixture.scalar("SELECT max(attempts) FROM scorecard_store.coa_attempts", as: Int.self) == 1)

        // Night 2: each suspect alone; the others are cleared as they pass, the culprit has its second.
        let second = try ScorecardChild(fixture.runArguments(asOf: "2026-06-30"), environment: Self.hook)
        #expect(second.wait() == 128 + SIGABRT, "\(second.log.suffix(2_000))")
        #expect(
            try fixture.scalar(
                "SELECT attempts FROM scorecard_store.coa_attempts WHERE path = 'SUP-A/culprit.xml'",
                as: Int.self)
                == 2)
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.coa_documents", as: Int.self) == 0)

        // Night 3, the hook still set: the culprit is not judged again, the run succeeds.
        let third = try ScorecardChild(fixture.runArguments(asOf: "2026-06-30"), environment: Self.hook)
        #expect(third.wait() == 0, "\(third.log.suffix(2_000))")
        #expect(third.log.contains("CoA quarantined"))
        let reason = try fixture.scalar(
            "SELECT status || ': ' || reason FROM scorecard.coa_documents WHERE path = 'SUP-A/culprit.xml'",
            as: String.self)
        #expect(
            reason?.hasPrefix("rejected: quarantined: the job ended 2 times while judging this file") == true)
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.coa_documents WHERE status = 'accepted'", as: Int.self)
                == lots.count)
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard_store.coa_attempts", as: Int.self) == 0)
        // Its rejection is flagged like any other, and the two dead runs are recorded as such.
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.supplier_flags WHERE kind = 'coa_rejected' AND message LIKE '%quarantined%'",
                as: Int.self) == 1)
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.runs WHERE error LIKE 'abandoned%'", as: Int.self) == 2)

        // Night 4: nothing to read again.
        let fourth = try fixture.run(asOf: "2026-07-01")
        #expect(fourth.counts.documentsAccepted + fourth.counts.documentsRejected == 0)
    }

    /// A run that fails with an error while judging (here: no document id left) is no crash: it leaves
    /// no attempt behind, and the file is judged in its batch the next night.
    @Test func anErrorWhileJudgingLeavesNoAttempt() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        try fixture.writeInbox("SUP-A/E1.xml", CoAIntakeTests.canonical(lot: "E1"))
        try fixture.execute(
            """
            SELECT setval(pg_get_serial_sequence('scorecard_store.coa_documents', 'document_id'), 5, true);
            DO $$ BEGIN EXECUTE format('ALTER SEQUENCE %s MAXVALUE 5',
                pg_get_serial_sequence('scorecard_store.coa_documents', 'document_id')); END $$;
            """)
        let error = try #require(throws: JobError.self) { try fixture.run(asOf: "2026-06-30") }
        #expect(error.message.contains("maximum value"), "\(error)")
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard_store.coa_attempts", as: Int.self) == 0)
    }
}
