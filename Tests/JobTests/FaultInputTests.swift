import Foundation
import Job
import Store
import TestSupport
import Testing

/// Input rows that break the model's assumptions: each named in the log and the run summary, left out of
/// the figures it would distort, never a crash. The figures stay those computed by hand for
/// `HandComputedWorld` (see HandComputedFiguresTests).
@Suite struct FaultInputTests {
    static let badRows = """
        -- a receipt against the cancelled line L4
        INSERT INTO procurement.receipts VALUES ('R5', 'L4', '2026-05-21 09:00Z', 70, 'A5');
        -- a negative defective quantity, slipped in past a dropped constraint
        ALTER TABLE procurement.defects DROP CONSTRAINT defects_defective_quantity_check;
        INSERT INTO procurement.defects VALUES
            ('D2', 'R3', 'SUP-A', 'MAT-1', '2026-05-16 10:00Z', 'minor', -5, 'use_as_is', 'typo');
        -- a specification with no limits at all
        ALTER TABLE procurement.specifications DROP CONSTRAINT specifications_check;
        INSERT INTO procurement.specifications VALUES
            ('MAT-1', 'moisture', '%', NULL, NULL, NULL, '2025-01-01', NULL);
        """

    static let coa = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CertificateOfAnalysis xmlns="urn:supplier-scorecard:coa:1">
          <Supplier id="SUP-A">Alpha Chemicals</Supplier>
          <Material materialId="MAT-1">Zinc oxide USP</Material>
          <Lot number="A1" manufactured="2026-05-01" quantity="100" unit="kg"/>
          <Issued>2026-05-04</Issued>
          <Results>
            <Result characteristic="assay" unit="%"><Value>99.62</Value></Result>
            <Result characteristic="moisture" unit="%"><Value>0.3</Value></Result>
          </Results>
        </CertificateOfAnalysis>
        """

    @Test func rowsThatBreakAssumptionsAreNamedAndLeftOut() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql + Self.badRows)
        try fixture.writeInbox("SUP-A/A1.xml", Self.coa)
        let arrival = try #require(ISO8601DateFormatter().date(from: "2026-05-05T12:00:00Z"))
        try FileManager.default.setAttributes(
            [.modificationDate: arrival],
            ofItemAtPath: fixture.inbox.appendingPathComponent("SUP-A/A1.xml").path)
        let (logger, records) = InMemoryLogHandler.logger()
        let summary = try NightlyRun(
            configuration: fixture.configuration(), paths: fixture.paths, logger: logger
        )
        .run(asOf: try JobFixture.day("2026-06-30"), database: fixture.conninfo)

        // Named: in the summary, its line, the runs table and one warning each.
        let named = Set(summary.anomalies.map { "\($0.table) \($0.key)" })
        #expect(
            named == [
                "procurement.receipts R5", "procurement.defects D2",
                "procurement.specifications MAT-1 moisture from 2025-01-01",
            ])
        #expect(summary.line.contains("3 input rows left out"))
        #expect(try fixture.scalar("SELECT input_anomalies FROM scorecard.runs", as: Int.self) == 3)
        let warnings = records.entries.filter { $0.message == "input row left out" }
            .compactMap { $0.metadata["row"].map { "\($0)" } }
        #expect(warnings.count == 3)
        #expect(warnings.contains { $0.contains("R5") && $0.contains("cancelled order line L4") })
        #expect(warnings.contains { $0.contains("D2") && $0.contains("negative defective quantity") })
        #expect(warnings.contains { $0.contains("moisture") && $0.contains("no limits") })

        // Left out: the hand-computed figures hold (R5's 70 kg and D2's -5 change nothing).
        #expect(try fixture.score("due_lines", supplier: "SUP-A", as: Int.self) == 4)
        #expect(try fixture.score("otd_rate", supplier: "SUP-A", as: Double.self) == 0.75)
        #expect(try fixture.score("otif_rate", supplier: "SUP-A", as: Double.self) == 0.5)
        #expect(try fixture.score("lots_received", supplier: "SUP-A", as: Int.self) == 4)
        #expect(
            try fixture.scalar(
                "SELECT received_quantity || '/' || defective_quantity FROM scorecard_store.supplier_scores "
                    + "WHERE supplier_id = 'SUP-A'", as: String.self) == "397/6")
        let ppm = try #require(try fixture.score("ppm", supplier: "SUP-A", as: Double.self))
        #expect(abs(ppm - 6e6 / 397) < 1e-6)
        #expect(try fixture.score("lot_rejection_rate", supplier: "SUP-A", as: Double.self) == 0.25)
        // Lots of MAT-1 in the window: A1 (its CoA arrived the same day), A2, A3, A4 without one; A5 came
        // against the cancelled line and is no lot of ours to chase a CoA for.
        #expect(try fixture.score("missing_coa_lots", supplier: "SUP-A", as: Int.self) == 3)
        // The moisture result has no limits to be judged against: no_spec, not a pass; the assay passes.
        #expect(
            try fixture.scalar(
                "SELECT verdict FROM scorecard.coa_measurements WHERE characteristic = 'moisture'",
                as: String.self) == "no_spec")
        #expect(try fixture.score("coa_conformance_rate", supplier: "SUP-A", as: Double.self) == 1)
    }
}
