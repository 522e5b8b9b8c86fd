import Postgres
import Store
import Testing

/// The judged order lines are kept for the latest nights only: after nine nights, the last seven runs'
/// lines are stored, each run's as many as the first one judged, and the oldest two runs have none.
@Suite struct JudgedLinesRetentionTests {
    @Test func onlyTheLatestSevenNightsKeepTheirJudgedLines() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        var runIds: [Int64] = []
        for _ in 0..<9 { runIds.append(try fixture.run(asOf: "2026-06-30").runId) }
        let connection = try fixture.connect()
        defer { connection.close() }
        var lines: [Int64: Int] = [:]
        try connection.stream(
            "SELECT run_id, count(*) AS lines FROM scorecard_store.judged_order_lines GROUP BY run_id"
        ) { row in
            lines[try row.decode(Int64.self, column: "run_id")] = try row.decode(Int.self, column: "lines")
        }
        let kept = Array(runIds.suffix(ResultWriter.judgedLinesKeptRuns))
        #expect(Set(lines.keys) == Set(kept))
        #expect(Set(lines.values).count == 1, "every kept night judged the same lines")
        #expect((lines.values.first ?? 0) > 0)
        let history = try connection.query(
            "SELECT count(DISTINCT run_id) FROM scorecard.judged_order_lines_history"
        ).first { _ in true }?.decode(Int.self, at: 0)
        #expect(history == ResultWriter.judgedLinesKeptRuns)
    }
}
