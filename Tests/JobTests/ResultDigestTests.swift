import Demo
import Domain
import Foundation
import Job
import Logging
import Testing

/// `scripts/result-digest`, the check that two ways of computing a night gave the same results: the same
/// night run twice from one state (two copies of the database after the night before) digests the same,
/// every result table and every page; one figure or one page changed afterwards is named.
@Suite(.serialized) struct ResultDigestTests {
    static let script = JobFixture.repositoryRoot.appendingPathComponent("scripts/result-digest")

    static func digest(_ fixture: JobFixture, runId: Int64) throws -> [String] {
        let process = Process()
        let output = Pipe()
        process.executableURL = script
        process.arguments = [fixture.conninfo, "\(runId)", fixture.reports.path]
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func theSameNightFromTheSameStateDigestsTheSame() throws {
        let first = try JobFixture()
        let asOf = Day(year: 2026, month: 11, day: 23)
        let connection = try first.connect()
        _ = try DemoLoader(connection: connection, logger: Logger(label: "test"))
            .load(DemoWorld(asOf: asOf), inbox: first.inbox)
        connection.close()
        _ = try first.run(asOf: asOf.advanced(by: -1).iso)
        let second = try first.copy()
        try FileManager.default.copyItem(at: first.inbox, to: second.inbox)

        let a = try first.run(asOf: asOf.iso)
        let b = try second.run(asOf: asOf.iso)
        let digestA = try Self.digest(first, runId: a.runId)
        let digestB = try Self.digest(second, runId: b.runId)
        #expect(digestA == digestB)
        // Every table the night writes is there, with rows; every page.
        let tables = Dictionary(
            uniqueKeysWithValues: digestA.filter { !$0.hasPrefix("page ") }.map { line in
                let parts = line.split(separator: " ")
                return (String(parts[0]), Int(parts[1]) ?? 0)
            })
        for table in [
            "supplier_scores", "flags", "material_decisions", "characteristic_capability", "control_charts",
            "delivery_months", "response_months", "judged_order_lines", "material_sourcing", "runs",
        ] {
            #expect((tables[table] ?? 0) > 0, "\(table) digested with rows")
        }
        #expect(tables["coa_documents"] == nil, "the intake's tables are inputs, not results")
        let pages = digestA.filter { $0.hasPrefix("page ") }
        #expect(pages.count == a.pagesRendered)
        #expect(pages.contains { $0.hasPrefix("page index.html ") })

        // One figure moved by a thousandth, and one page changed, are each found, and nothing else.
        try second.execute(
            """
            UPDATE scorecard_store.supplier_scores SET otd_rate = otd_rate + 0.001
            WHERE run_id = \(b.runId) AND supplier_id = (
                SELECT min(supplier_id) FROM scorecard_store.supplier_scores
                WHERE run_id = \(b.runId) AND otd_rate IS NOT NULL)
            """)
        let page = second.reports.appendingPathComponent("index.html")
        let text = try String(contentsOf: page, encoding: .utf8)
        try text.replacingOccurrences(of: "</body>", with: "<!-- changed --></body>")
            .write(to: page, atomically: false, encoding: .utf8)
        let changed = try Self.digest(second, runId: b.runId)
        #expect(changed.count == digestA.count)
        let differing = zip(digestA, changed).filter { $0 != $1 }.map { pair in
            let words = pair.0.split(separator: " ")
            return words[0] == "page" ? "page \(words[1])" : String(words[0])
        }
        #expect(Set(differing) == ["supplier_scores", "page index.html"])
        #expect(differing.count == 2)
    }
}
