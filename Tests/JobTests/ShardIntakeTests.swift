import Demo
import Domain
import Foundation
import Job
import Postgres
import Store
import Testing

/// `scorecard intake --shard K/N` as child processes on one machine: two shards side by side on one
/// inbox, the locks that keep a shard and a nightly run apart, and the nightly run after the shards.
@Suite struct ShardIntakeTests {
    static let asOf = "2026-11-20"
    static let before = "2026-11-19"

    static func intakeArguments(_ fixture: JobFixture, shard: String) -> [String] {
        [
            "intake", "--shard", shard, "--as-of", asOf, "--database", fixture.conninfo, "--inbox",
            fixture.inbox.path,
        ]
    }

    /// The supplier folders of the inbox, by their shard of 2.
    static func foldersByShard(_ inbox: URL) throws -> [Int: [String]] {
        let folders = try FileManager.default.contentsOfDirectory(atPath: inbox.path).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(
                atPath: inbox.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        return Dictionary(grouping: folders.sorted()) { IntakeShard.number(of: $0, count: 2) }
    }

    /// Every file of the inbox below a supplier folder, as a path relative to the inbox.
    static func supplierFiles(_ inbox: URL) -> Set<String> {
        var paths: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: inbox.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: inbox.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if exists && !isDirectory.boolValue && path.contains("/") { paths.insert(path) }
        }
        return paths
    }

    @Test func twoShardsSideBySideIngestEveryFileOnceAndTheNightlyRunScoresThem() throws {
        let fixture = try JobFixture()
        _ = try fixture.loadDemoWorld(
            asOf: try JobFixture.day(Self.asOf), size: .scaled(suppliers: 12, materials: 30, years: 1))
        // A nightly run before the shards, without CoAs: the shards' documents are the next one's to score.
        var empty = fixture.configuration()
        empty.inbox = try fixture.emptyInbox().path
        let previous = try NightlyRun(configuration: empty, paths: fixture.paths, logger: fixture.logger)
            .run(asOf: try JobFixture.day(Self.before), database: fixture.conninfo)

        let byShard = try Self.foldersByShard(fixture.inbox)
        let shard0 = try #require(byShard[0]?.first, "no supplier folder in shard 0")
        let shard1 = try #require(byShard[1]?.first, "no supplier folder in shard 1")
        // A broken file in each shard (rejected for certain), and one at the top level (the nightly run's).
        try fixture.writeInbox("\(shard0)/zz-broken.xml", "<CertificateOfAnalysis><Lot")
        try fixture.writeInbox("\(shard1)/zz-broken.xml", "<CertificateOfAnalysis><Supplier")
        try fixture.writeInbox("stray.xml", "<not-a-coa/>")
        let files = Self.supplierFiles(fixture.inbox)
        #expect(files.count > 100)

        let first = try ScorecardChild(Self.intakeArguments(fixture, shard: "0/2"))
        let second = try ScorecardChild(Self.intakeArguments(fixture, shard: "1/2"))
        #expect(first.wait() == 0, "\(first.log.suffix(2_000))")
        #expect(second.wait() == 0, "\(second.log.suffix(2_000))")
        #expect(first.log.contains("(shard 0/2) succeeded"))
        #expect(second.log.contains("(shard 1/2) succeeded"))

        // Every supplier file exactly once, by the run of the shard that owns its supplier.
        let connection = try fixture.connect()
        defer { connection.close() }
        var recorded: [String] = []
        var misplaced: [String] = []
        try connection.stream(
            """
            SELECT d.path, d.supplier_id, r.shard, r.kind, r.status
            FROM scorecard.coa_documents d JOIN scorecard.runs r USING (run_id)
            """
        ) { row in
            let path = try row.decode(String.self, at: 0)
            let supplier = try row.decodeIfPresent(String.self, at: 1) ?? ""
            recorded.append(path)
            let expected = "\(IntakeShard.number(of: supplier, count: 2))/2"
            if try row.decodeIfPresent(String.self, at: 2) != expected
                || row.decode(String.self, at: 3) != "intake" || row.decode(String.self, at: 4) != "succeeded"
                || !path.hasPrefix(supplier + "/")
            {
                misplaced.append(path)
            }
        }
        #expect(recorded.count == files.count, "no file recorded twice, none left out")
        let missing = files.subtracting(recorded)
        let extra = Set(recorded).subtracting(files)
        #expect(missing.isEmpty, "not recorded: \(missing.sorted().prefix(5))")
        #expect(extra.isEmpty, "recorded but not a supplier file: \(extra.sorted().prefix(5))")
        #expect(misplaced.isEmpty, "\(misplaced.prefix(5))")
        let shardRejected = try #require(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.coa_documents WHERE status = 'rejected'", as: Int.self))
        #expect(shardRejected >= 2)
        // Each intake run counted its own documents.
        #expect(
            try fixture.scalar(
                "SELECT sum(documents_accepted + documents_rejected + documents_duplicate)::int FROM scorecard.runs WHERE kind = 'intake'",
                as: Int.self) == files.count)
        // Intakes score nothing: the views still show the nightly run before them.
        #expect(
            try fixture.scalar("SELECT run_id FROM scorecard.latest_run", as: Int64.self) == previous.runId)

        // The nightly run: reads only the stray file, raises the shards' rejections as flags, shows itself.
        let nightly = try fixture.run(asOf: Self.asOf)
        #expect(nightly.counts.documentsAccepted + nightly.counts.documentsRejected == 1)
        #expect(nightly.counts.documentsDuplicate == 0)
        #expect(
            try fixture.scalar("SELECT count(*) FROM scorecard.coa_documents", as: Int.self) == files.count
                + 1)
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.coa_documents WHERE run_id = $1", [nightly.runId],
                as: Int.self)
                == 1)
        #expect(
            try fixture.scalar("SELECT run_id FROM scorecard.latest_run", as: Int64.self) == nightly.runId)
        #expect(try fixture.scalar("SELECT kind FROM scorecard.latest_run", as: String.self) == "nightly")
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.supplier_scorecards WHERE run_id <> $1", [nightly.runId],
                as: Int.self) == 0)
        #expect(
            try fixture.scalar(
                "SELECT count(DISTINCT run_id) FROM scorecard.score_history", as: Int.self) == 2)
        let unflagged = try fixture.scalar(
            """
            SELECT count(*) FROM scorecard.coa_documents d JOIN scorecard.runs r USING (run_id)
            WHERE r.kind = 'intake' AND d.status = 'rejected' AND NOT EXISTS (
                SELECT 1 FROM scorecard.supplier_flags f
                WHERE f.kind = 'coa_rejected' AND f.supplier_id = d.supplier_id AND f.evidence->>'path' = d.path)
            """, as: Int.self)
        #expect(unflagged == 0, "every rejection of the shard intakes is a coa_rejected flag")
        for folder in [shard0, shard1] {
            #expect(
                try fixture.scalar(
                    """
                    SELECT count(*) FROM scorecard.supplier_flags
                    WHERE kind = 'coa_rejected' AND evidence->>'path' = $1
                    """, ["\(folder)/zz-broken.xml"], as: Int.self) == 1)
        }

        // Its page lists the night's rejections, the shards' included.
        let index = try String(
            contentsOf: fixture.reports.appendingPathComponent("index.html"), encoding: .utf8)
        for folder in [shard0, shard1] {
            #expect(index.contains("<code>\(folder)/zz-broken.xml</code>"), "\(folder)")
        }
        #expect(index.contains("<code>stray.xml</code>"))

        // The next nightly run does not raise them again: they were this one's to flag.
        let next = try fixture.run(asOf: Self.asOf)
        #expect(next.counts.documentsAccepted + next.counts.documentsRejected == 0)
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.supplier_flags WHERE kind = 'coa_rejected'", as: Int.self)
                == 0)
    }

    @Test func theLocksKeepAShardAndANightlyRunApart() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        try CoAIntakeTests.fillInbox(fixture)
        // The same shard twice: its lock is held (as by a live intake of shard 0, whatever its N).
        let shardHolder = try fixture.holdLocks([(JobLocks.shard(0), .exclusive)])
        for shard in ["0/2", "0/3"] {
            let twice = try ScorecardChild(Self.intakeArguments(fixture, shard: shard))
            #expect(twice.wait() == 75, "\(twice.log)")
            #expect(twice.log.contains("another intake of shard 0 holds its lock"))
        }
        // Another shard runs meanwhile, beside a shard holding the run lock shared (the holder, as one).
        let sharer = try fixture.holdLocks([(JobLocks.run, .shared)])
        let beside = try ScorecardChild(Self.intakeArguments(fixture, shard: "1/2"))
        #expect(beside.wait() == 0, "\(beside.log)")
        // A nightly run while a shard holds the run lock shared: refused, and nothing recorded.
        let runs = try fixture.scalar("SELECT count(*) FROM scorecard.runs", as: Int.self)
        let nightly = try ScorecardChild(fixture.runArguments(asOf: "2026-06-30"))
        #expect(nightly.wait() == 75, "\(nightly.log)")
        #expect(nightly.log.contains("holds the run lock"))
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.runs", as: Int.self) == runs)
        sharer.close()
        shardHolder.close()

        // And the other way: a shard while a nightly run holds the run lock.
        let nightlyHolder = try fixture.holdLocks([(JobLocks.run, .exclusive)])
        let during = try ScorecardChild(Self.intakeArguments(fixture, shard: "0/2"))
        #expect(during.wait() == 75, "\(during.log)")
        #expect(during.log.contains("a nightly scorecard run or a reprocess holds the run lock"))
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.runs", as: Int.self) == runs)
        nightlyHolder.close()
        let after = try ScorecardChild(Self.intakeArguments(fixture, shard: "0/2"))
        #expect(after.wait() == 0, "\(after.log)")
    }

    @Test(arguments: ["2/2", "-1/2", "0/0", "1", "a/b", "0/5000"])
    func aBadShardIsAUsageError(shard: String) throws {
        let child = try ScorecardChild(["intake", "--shard", shard, "--database", "host=/nonexistent"])
        #expect(child.wait() == 64, "\(child.log)")
        #expect(child.log.contains("--shard"), "\(child.log)")
    }

    @Test func anAbandonedIntakeIsMarkedFailedByItsShardOrTheNightlyRun() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        try fixture.execute(
            """
            INSERT INTO scorecard_store.runs (as_of, status, kind, shard) VALUES
                ('2026-06-29', 'running', 'intake', '0/2'), ('2026-06-29', 'running', 'intake', '1/2')
            """)
        let shard = try IntakeShard.parse("0/2").get()
        let intake = try ShardIntake(
            configuration: fixture.configuration(), paths: fixture.paths, logger: fixture.logger
        ).run(shard: shard, asOf: try JobFixture.day("2026-06-30"), database: fixture.conninfo)
        // Shard 0 fails only its own dead intake: shard 1's might be alive.
        let states = { () throws -> [String] in
            let connection = try fixture.connect()
            defer { connection.close() }
            return try connection.query("SELECT shard || ' ' || status FROM scorecard.runs ORDER BY run_id")
                .map { try $0.decodeIfPresent(String.self, at: 0) ?? "nightly" }
        }
        #expect(
            try states() == ["0/2 failed", "1/2 running", "0/2 succeeded"],
            "intake \(intake.runId)")
        // The nightly run holds the run lock exclusively: no intake can be alive, so it fails the rest.
        _ = try fixture.run(asOf: "2026-06-30")
        #expect(try states() == ["0/2 failed", "1/2 failed", "0/2 succeeded", "nightly"])
    }

    /// A shard intake between two nightly runs is not "the previous run": status changes, the page's
    /// "since" and `scorecard render` look at nightly runs only.
    @Test func theRunBeforeANightlyRunIsTheNightlyRunNotAShardIntake() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let first = try fixture.run(asOf: "2026-06-30")
        try CoAIntakeTests.fillInbox(fixture)
        let intake = try ShardIntake(
            configuration: fixture.configuration(), paths: fixture.paths, logger: fixture.logger
        ).run(
            shard: try IntakeShard.parse("0/1").get(), asOf: try JobFixture.day("2026-07-01"),
            database: fixture.conninfo)
        #expect(intake.accepted > 0)
        let connection = try fixture.connect()
        defer { connection.close() }
        let ledger = RunLedger(connection)
        #expect(try ledger.latestSucceeded()?.runId == first.runId)

        let second = try fixture.run(asOf: "2026-07-01")
        // Only the top-level file was left for it: 0/1 owns every supplier folder.
        #expect(second.counts.documentsAccepted + second.counts.documentsRejected == 1)
        #expect(try ledger.latestSucceeded(before: second.runId)?.runId == first.runId)
        #expect(try ledger.intakesSinceLastNightly(before: second.runId) == [intake.runId])
        let day = try JobFixture.day("2026-07-01")
        let previous = try InputLoader(connection, window: .init(from: day, asOf: day, timeZone: "UTC"))
            .previousDecisions(before: second.runId)
        #expect(previous.count == first.counts.suppliersScored)
        #expect(first.counts.suppliersScored > 0)
    }
}
