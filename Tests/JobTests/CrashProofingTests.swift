import Foundation
import Testing

/// Extreme values through every numeric and date field of a CoA and of each ERP input table, through
/// the real `scorecard run` binary: it exits 0, names every row it left out, judges every extreme CoA
/// value with a verdict and a note, and the figures of the clean supplier stay those computed by hand.
@Suite struct CrashProofingTests {
    static let asOf = "2026-06-30"
    static let fiveThousandDigits = String(repeating: "9", count: 5_000)

    @Test func extremeValuesAreNamedAndTheRunSucceeds() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql + ExtremeRows.sql)
        try fixture.writeInbox("SUP-X/extreme.xml", ExtremeRows.coa)
        try fixture.writeInbox("SUP-X/dates.xml", ExtremeRows.datesCoA)
        try fixture.writeInbox("SUP-X/limits.xml", ExtremeRows.limitsCoA)
        let child = try ScorecardChild(fixture.runArguments(asOf: Self.asOf))
        let status = child.wait()
        #expect(status == 0, "\(child.log.suffix(2_000))")
        #expect(child.log.contains("input rows left out"))

        let named = try fixture.rows(
            "SELECT source_table || ' ' || row_key || ' ' || coalesce(field, '-') || ' ' || action "
                + "FROM scorecard.input_anomalies ORDER BY position")
        for expected in ExtremeRows.expectedAnomalies {
            #expect(named.contains(expected), "missing \(expected) in \(named)")
        }
        for characteristic in ["assay", "moisture", "lead"] {
            #expect(named.contains { $0.hasPrefix("procurement.inspection_results XR12 \(characteristic) ") })
        }
        #expect(
            try fixture.scalar("SELECT input_anomalies FROM scorecard.latest_run", as: Int.self)
                == named.count)
        #expect(
            try fixture.scalar(
                "SELECT jsonb_array_length(input_anomaly_list) FROM scorecard.latest_run", as: Int.self)
                == named.count)

        let verdicts = try fixture.rows(
            "SELECT characteristic || ' ' || verdict FROM scorecard.coa_measurements "
                + "WHERE supplier_id = 'SUP-X' ORDER BY characteristic")
        let documents = try fixture.rows(
            "SELECT path || ' ' || status || ' ' || coalesce(reason, '') FROM scorecard.coa_documents ORDER BY path"
        )
        #expect(documents.first { $0.hasPrefix("SUP-X/extreme.xml accepted") } != nil, "\(documents)")
        #expect(documents.filter { $0.hasPrefix("SUP-X/") }.count == 3)
        for expected in ExtremeRows.expectedVerdicts {
            #expect(verdicts.contains(expected), "missing \(expected) in \(verdicts)")
        }
        // No extreme value is stored as a number to compute with.
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.coa_measurements WHERE supplier_id = 'SUP-X' "
                    + "AND abs(value_in_spec_unit) > 1e12", as: Int.self) == 0)
        let note =
            try fixture.scalar(
                "SELECT note FROM scorecard.coa_measurements WHERE characteristic = 'moisture' "
                    + "AND supplier_id = 'SUP-X'", as: String.self) ?? ""
        #expect(note.contains("-1e308") && note.contains("outside the range"))

        // The clean supplier's figures are those computed by hand.
        #expect(try fixture.score("otd_rate", supplier: "SUP-A", as: Double.self) == 0.75)
        #expect(try fixture.score("otif_rate", supplier: "SUP-A", as: Double.self) == 0.5)
        #expect(try fixture.score("due_lines", supplier: "SUP-A", as: Int.self) == 4)
        // The pages were written.
        #expect(
            FileManager.default.fileExists(atPath: fixture.reports.appendingPathComponent("index.html").path))
    }
}

extension JobFixture {
    /// The first column of every row, as text.
    func rows(_ sql: String) throws -> [String] {
        let connection = try connect()
        defer { connection.close() }
        var rows: [String] = []
        try connection.stream(sql) { row in rows.append(try row.decode(String.self, at: 0)) }
        return rows
    }
}
