import Demo
import Domain
import Foundation
import Logging
import Store
import TestSupport
import Testing

@testable import Job

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The first night on a real archive: a brand copies two years of CoA files into the inbox (`cp -r`), so
/// every file carries the day of the copy. Imported with `--archive`, the run gives the flags, figures and
/// verdicts of the same world whose files kept their arrival times; read as the night's news, it floods
/// the page with `missing_coa`, and says so.
@Suite(.serialized) struct ArchiveImportTests {
    static let asOf = Day(year: 2026, month: 11, day: 23)
    /// The moment the archive was copied: the morning of the as-of day.
    static let copied = Date(timeIntervalSince1970: Double(asOf.daysSinceEpoch) * 86_400 + 9 * 3600)

    /// A fixture with the demo world loaded; its files keep their arrival times unless `copiedAt` is set.
    static func world(copiedAt: Date? = nil) throws -> JobFixture {
        let fixture = try JobFixture()
        let connection = try fixture.connect()
        _ = try DemoLoader(connection: connection, logger: Logger(label: "test"))
            .load(DemoWorld(asOf: asOf), inbox: fixture.inbox)
        connection.close()
        if let copiedAt { try touchAll(fixture.inbox, at: copiedAt) }
        return fixture
    }

    /// Gives every file below `folder` the same modification time, as a copy does.
    static func touchAll(_ folder: URL, at time: Date) throws {
        let seconds = Int(time.timeIntervalSince1970)
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
        }
    }

    static func run(
        _ fixture: JobFixture, asOf: Day = asOf, archive: Bool = false,
        _ changes: (inout Configuration) -> Void = { _ in }
    ) throws -> RunSummary {
        var nightly = NightlyRun(
            configuration: fixture.configuration(changes), paths: fixture.paths, logger: fixture.logger)
        if archive { nightly.archive = fixture.inbox.path }
        return try nightly.run(asOf: asOf, database: fixture.conninfo)
    }

    /// What the latest run says: every flag with its evidence, every supplier's figures and verdict, every
    /// material decision, every characteristic's capability; run ids left out.
    static func results(_ fixture: JobFixture) throws -> [String: String] {
        let queries = [
            "flags": """
            SELECT string_agg((to_jsonb(f) - 'run_id')::text, E'\\n' ORDER BY f.supplier_id, f.kind, f.material_id,
                f.characteristic, f.message) FROM scorecard.supplier_flags f
            """,
            "scores": """
            SELECT string_agg((to_jsonb(s) - 'run_id' - 'as_of')::text, E'\\n' ORDER BY s.supplier_id)
            FROM scorecard_store.supplier_scores s WHERE run_id = (SELECT run_id FROM scorecard.latest_run)
            """,
            "decisions": """
            SELECT string_agg((to_jsonb(d) - 'run_id')::text, E'\\n' ORDER BY d.supplier_id, d.material_id)
            FROM scorecard.material_decisions d
            """,
            "capability": """
            SELECT string_agg((to_jsonb(c) - 'run_id')::text, E'\\n' ORDER BY c.supplier_id, c.material_id, c.characteristic)
            FROM scorecard.characteristic_capability c
            """,
        ]
        var results: [String: String] = [:]
        for (name, sql) in queries { results[name] = try fixture.scalar(sql, as: String.self) ?? "" }
        return results
    }

    static func count(_ fixture: JobFixture, kind: String) throws -> Int {
        try fixture.scalar(
            "SELECT count(*) FROM scorecard.supplier_flags WHERE kind = $1", [kind], as: Int.self) ?? -1
    }

    @Test func anArchiveCopiedTodayGivesTheVerdictsOfTheFilesTrueArrivals() throws {
        let truth = try Self.world()
        // Two years of files with their true times, read at once, are no bulk arrival: none of them is late.
        #expect(try Self.run(truth).notices.isEmpty)
        let expected = try Self.results(truth)

        let imported = try Self.world(copiedAt: Self.copied)
        let summary = try Self.run(imported, archive: true)
        let found = try Self.results(imported)
        for name in expected.keys.sorted() {
            #expect(found[name] == expected[name], "\(name) differ")
        }
        #expect(expected["flags"]?.isEmpty == false)
        // Marked and dated by the files' own evidence, none after the copy.
        #expect(
            try imported.scalar(
                "SELECT bool_and(imported_from_archive) FROM scorecard.coa_documents", as: Bool.self) == true)
        #expect(
            try imported.scalar(
                "SELECT count(*) FROM scorecard.coa_documents WHERE received_at::date < '2026-11-01'",
                as: Int.self)
                ?? 0 > 1000)
        #expect(summary.line.contains("counted by their issue dates"))
        #expect(
            try imported.scalar(
                "SELECT count(*) FROM scorecard.run_notices WHERE kind = 'bulk_arrival' AND notice LIKE '%issue dates%'",
                as: Int.self) == 1)
        let index = try String(
            contentsOf: imported.reports.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("counted by their issue dates"))

        // A second night reads none of the archive again (its files' times are kept for the quick check).
        let next = try Self.run(imported, asOf: Self.asOf.advanced(by: 1))
        #expect(
            next.counts.documentsAccepted + next.counts.documentsRejected + next.counts.documentsDuplicate
                == 0)
        #expect(next.notices.isEmpty)

        // As of a past day, the archive's certificates are known from their issue dates: not invisible.
        _ = try Self.run(imported, asOf: Day(year: 2026, month: 8, day: 1))
        #expect(
            try imported.scalar(
                "SELECT sum(coa_results) FROM scorecard_store.supplier_scores WHERE run_id = (SELECT run_id FROM scorecard.latest_run)",
                as: Int.self) ?? 0 > 0)
    }

    @Test func theSameCopyReadAsTheNightsNewsFloodsAndSaysSo() throws {
        let fixture = try Self.world(copiedAt: Self.copied)
        let summary = try Self.run(fixture)
        #expect(try Self.count(fixture, kind: "missing_coa") > 10)
        #expect(summary.line.contains("counted as late: use `--archive` if this was an import"))
        let index = try String(
            contentsOf: fixture.reports.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(
            index.contains("counted as late: use <code>--archive</code>") || index.contains("counted as late")
        )

        // coa.collected_since: lots received before it are never missing a certificate; the views say since when.
        let since = Self.asOf.advanced(by: -2)
        _ = try Self.run(fixture, asOf: Self.asOf) { $0.scoring.coaCollectedSince = since }
        let lateLots = try fixture.scalar(
            """
            SELECT count(*) FROM scorecard.supplier_flags f, jsonb_array_elements(f.evidence -> 'lots') l
            WHERE f.kind = 'missing_coa' AND (l ->> 'received_on')::date < $1::date
            """, [since], as: Int.self)
        #expect(lateLots == 0)
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.supplier_scorecards WHERE coa_collected_since = $1::date",
                [since],
                as: Int.self)
                == (try fixture.scalar("SELECT count(*) FROM scorecard.supplier_scorecards", as: Int.self)))

        // A supplier onboarded later: its own start date, the others keep the global one (none here).
        let flooded = try #require(
            try fixture.scalar(
                "SELECT min(supplier_id) FROM scorecard_store.flags WHERE kind = 'missing_coa' AND run_id = (SELECT min(run_id) FROM scorecard_store.runs)",
                as: String.self))
        _ = try Self.run(fixture) { $0.scoring.coaCollectedSinceBySupplier[flooded] = Self.asOf }
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.supplier_flags WHERE kind = 'missing_coa' AND supplier_id = $1",
                [flooded], as: Int.self) == 0)
        #expect(try Self.count(fixture, kind: "missing_coa") > 5)
        #expect(try fixture.score("coa_collected_since", supplier: flooded, as: Day.self) == Self.asOf)
        let page = try String(
            contentsOf: fixture.reports.appendingPathComponent("suppliers/\(flooded).html"), encoding: .utf8)
        #expect(page.contains("CoAs collected since"))
    }

    static let lateCoA = CoAIntakeTests.canonical(lot: "A2", manufactured: "2026-05-03")

    @Test func aLateCertificateInTheNightlyIntakeIsStillLate() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        // Lot A2 was received on 2026-05-08; its certificate (issued 2026-05-04) came on 2026-05-20.
        try fixture.writeInbox("SUP-A/A2.xml", Self.lateCoA)
        let arrival = try #require(ISO8601DateFormatter().date(from: "2026-05-20T12:00:00Z"))
        try Self.touchAll(fixture.inbox, at: arrival)
        _ = try fixture.run(asOf: "2026-06-30")
        // A1, A3, A4 have none; A2's came 12 days after the lot.
        #expect(try fixture.score("missing_coa_lots", supplier: "SUP-A", as: Int.self) == 4)
        #expect(
            try fixture.scalar(
                "SELECT imported_from_archive FROM scorecard.coa_documents WHERE lot_number = 'A2'",
                as: Bool.self)
                == false)
    }

    @Test func theSameCertificateFromAnArchiveIsDatedByItsIssueDate() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        try fixture.writeInbox("SUP-A/A2.xml", Self.lateCoA)
        // A future issue date is bounded by the file's time, with a warning naming the file.
        try fixture.writeInbox(
            "SUP-A/A3.xml",
            Self.lateCoA.replacingOccurrences(of: "A2", with: "A3").replacingOccurrences(
                of: "<Issued>2026-05-04</Issued>", with: "<Issued>2027-01-04</Issued>"))
        let arrival = try #require(ISO8601DateFormatter().date(from: "2026-05-20T12:00:00Z"))
        try Self.touchAll(fixture.inbox, at: arrival)
        let (logger, records) = InMemoryLogHandler.logger()
        var nightly = NightlyRun(configuration: fixture.configuration(), paths: fixture.paths, logger: logger)
        nightly.archive = fixture.inbox.path
        _ = try nightly.run(asOf: try JobFixture.day("2026-06-30"), database: fixture.conninfo)
        // Neither is late (an archive's file time says nothing of when it came): A1 and A4 have none.
        #expect(try fixture.score("missing_coa_lots", supplier: "SUP-A", as: Int.self) == 2)
        #expect(
            try fixture.scalar(
                "SELECT received_at::date::text FROM scorecard.coa_documents WHERE lot_number = 'A2'",
                as: String.self) == "2026-05-04")
        #expect(
            try fixture.scalar(
                "SELECT received_at = '2026-05-20T12:00:00Z'::timestamptz AND warnings::text LIKE '%after the file''s time%' FROM scorecard.coa_documents WHERE lot_number = 'A3'",
                as: Bool.self) == true)
        #expect(
            records.entries.contains {
                $0.message == "archived CoA dated by the file's time"
                    && "\($0.metadata["coa.file"] ?? "")" == "SUP-A/A3.xml"
            })
    }
}

@Suite struct ArchiveArrivalTests {
    let utc = TimeZone(identifier: "UTC") ?? .current
    let fileTime = Date(
        timeIntervalSince1970: Double(Day(year: 2026, month: 5, day: 20).daysSinceEpoch) * 86_400)

    @Test func theIssueDateComesFirstThenTheReceiptThenTheManufactureDate() {
        let issued = Day(year: 2026, month: 5, day: 4)
        let received = Day(year: 2026, month: 5, day: 8)
        let made = Day(year: 2026, month: 5, day: 1)
        func arrival(_ i: Day?, _ r: Day?, _ m: Day?) -> ArchiveArrival {
            ArchiveArrival.of(
                issued: i, receiptDay: r, manufactured: m, modified: fileTime, now: fileTime, timeZone: utc)
        }
        #expect(arrival(issued, received, made).evidence == .issued)
        #expect(arrival(issued, received, made).arrival == ArchiveArrival.startOfDay(issued, in: utc))
        #expect(arrival(nil, received, made).evidence == .receipt)
        #expect(arrival(nil, nil, made).evidence == .manufactured)
        #expect(arrival(issued, nil, nil).problem == nil)
    }

    @Test func noReadableDateFallsBackToTheFileTimeWithAWarning() {
        let found = ArchiveArrival.of(
            issued: nil, receiptDay: nil, manufactured: nil, modified: fileTime, now: fileTime, timeZone: utc)
        #expect(found.arrival == fileTime)
        #expect(found.evidence == .fileTime)
        #expect(found.problem?.contains("no issue, receipt or manufacture date") == true)
    }

    @Test func aFutureIssueDateIsBoundedByTheFileTime() {
        let found = ArchiveArrival.of(
            issued: Day(year: 2030, month: 1, day: 1), receiptDay: nil, manufactured: nil, modified: fileTime,
            now: fileTime.addingTimeInterval(86_400 * 10), timeZone: utc)
        #expect(found.arrival == fileTime)
        #expect(found.problem?.contains("2030-01-01 is after the file's time") == true)
    }

    @Test func theDayStartsInTheConfiguredZone() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let day = Day(year: 2026, month: 7, day: 1)
        let start = ArchiveArrival.startOfDay(day, in: berlin)
        #expect(start.timeIntervalSince1970 == Double(day.daysSinceEpoch) * 86_400 - 2 * 3600)
    }
}
