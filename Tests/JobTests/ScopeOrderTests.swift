import Domain
import Foundation
import Postgres
import Scoring
import Store
import Testing

/// The batch queries return rows in no order; the loader orders them itself. Rows are inserted here in
/// the reverse of the expected order (and the server is asked to return them that way), so a loader that
/// relied on the server's order would fail.
@Suite struct ScopeOrderTests {
    static let seed = """
        INSERT INTO procurement.suppliers (supplier_id, name) VALUES ('SUP-Z', 'Zeta');
        INSERT INTO procurement.materials VALUES ('MAT-S', 'Specified', 'major'), ('MAT-N', 'No spec', 'minor');
        INSERT INTO procurement.specifications VALUES ('MAT-S', 'assay', '%', 99.0, 100.5, NULL, '2025-01-01', NULL);
        INSERT INTO procurement.order_lines (order_line_id, supplier_id, material_id, quantity, unit, unit_price,
            ordered_at, requested_date, promised_date, confirmed_at, repromised_date, cancelled) VALUES
            ('L9', 'SUP-Z', 'MAT-S', 10, 'kg', 1, '2026-05-03 08:00Z', '2026-05-20', NULL, NULL, NULL, false),
            ('L8', 'SUP-Z', 'MAT-N', 10, 'kg', 1, '2026-05-02 08:00Z', '2026-05-20', NULL, NULL, NULL, true),
            ('L7', 'SUP-Z', 'MAT-N', 10, 'kg', 1, '2026-05-02 07:00Z', '2026-05-20', NULL, NULL, NULL, false),
            ('L2', 'SUP-Z', 'MAT-S', 10, 'kg', 1, '2026-05-01 09:00Z', '2026-05-20', NULL, NULL, NULL, false),
            ('L1', 'SUP-Z', 'MAT-S', 10, 'kg', 1, '2026-05-01 09:00Z', '2026-05-20', NULL, NULL, NULL, false);
        INSERT INTO procurement.receipts VALUES
            ('R6', 'L7', '2026-05-12 09:00Z', 5, 'LOT-6'),
            ('R5', 'L9', '2026-05-12 08:00Z', 5, 'LOT-5'),
            ('R4', 'L8', '2026-05-11 08:00Z', 5, 'LOT-4'),
            ('R3', 'L2', '2026-05-10 08:00Z', 5, 'LOT-3'),
            ('R2', 'L1', '2026-05-10 08:00Z', 5, 'LOT-2'),
            ('R1', 'L1', '2026-05-09 08:00Z', 5, 'LOT-1');
        INSERT INTO scorecard_store.runs (as_of, status) VALUES ('2026-05-31', 'succeeded');
        INSERT INTO scorecard_store.coa_documents (document_id, sha256, path, supplier_id, status, material_id,
            lot_number, size_bytes, run_id, received_at)
        SELECT d, 'h' || d, 'SUP-Z/' || d || '.xml', 'SUP-Z', 'accepted', 'MAT-S', 'LOT-' || d, 1,
               (SELECT max(run_id) FROM scorecard_store.runs), '2026-05-13 08:00Z'
        FROM generate_series(1, 4) d;
        INSERT INTO scorecard_store.coa_measurements (document_id, position, supplier_id, material_id, lot_number,
            lot_day, characteristic, reported_characteristic, reported_text, value, value_in_spec_unit, verdict)
        VALUES
            (4, 1, 'SUP-Z', 'MAT-S', 'LOT-b', '2026-05-02', 'assay', 'assay', '99.5', 99.5, 99.5, 'pass'),
            (3, 1, 'SUP-Z', 'MAT-S', 'LOT-a', '2026-05-02', 'assay', 'assay', '99.6', 99.6, 99.6, 'pass'),
            (2, 1, 'SUP-Z', 'MAT-S', 'LOT-a', '2026-05-02', 'assay', 'assay', '99.7', 99.7, 99.7, 'pass'),
            (1, 1, 'SUP-Z', 'MAT-S', 'LOT-c', '2026-05-01', 'assay', 'assay', '99.8', 99.8, 99.8, 'pass'),
            (4, 2, 'SUP-Z', 'MAT-S', 'LOT-b', '2026-05-02', 'Zn', 'Zn', '1', 1, 1, 'pass'),
            (4, 3, 'SUP-Z', 'MAT-S', 'LOT-b', '2026-05-02', 'Ash', 'Ash', '1', 1, 1, 'pass');
        """

    @Test func batchRowsAreOrderedByTheLoaderNotTheServer() throws {
        let fixture = try JobFixture(seedSQL: Self.seed)
        let connection = try fixture.connect()
        defer { connection.close() }
        let window = InputLoader.Window(
            from: try JobFixture.day("2026-05-01"), asOf: try JobFixture.day("2026-05-31"), timeZone: "UTC")
        let loader = InputLoader(connection, window: window)
        let supplier = SupplierInfo(supplierId: "SUP-Z", name: "Zeta", country: nil, active: true)
        var anomalies: [InputAnomaly] = []
        let inputs = try connection.inTransaction {
            // Without an ORDER BY a sequential scan returns the heap order: the reverse of the expected one.
            try connection.execute("SET LOCAL enable_indexscan = off")
            try connection.execute("SET LOCAL enable_bitmapscan = off")
            let scope = try loader.collectScope()
            return try #require(try loader.load([supplier], in: scope, anomalies: &anomalies).first)
        }
        // Ordered at, then line id; the cancelled line stays, without its receipt.
        #expect(inputs.orderLines.map(\.orderLineId) == ["L1", "L2", "L7", "L8", "L9"])
        #expect(inputs.orderLines.first?.receipts.map(\.receiptId) == ["R1", "R2"])
        #expect(inputs.orderLines.first { $0.orderLineId == "L8" }?.receipts.isEmpty == true)
        #expect(anomalies.map(\.key) == ["R4"])
        // Lots awaiting a CoA: specified materials only (R6 is of MAT-N), by arrival then receipt id (R2 and
        // R3 arrived together); the cancelled line's lot is an anomaly, not a lot.
        #expect(inputs.lots.map(\.receiptId) == ["R1", "R2", "R3", "R5"])
        // Series order: material, characteristic by bytes ("Ash" < "Zn" < "assay"), lot day, lot, document.
        #expect(
            inputs.measurements.map { "\($0.characteristic)/\($0.lotNumber)/\($0.documentId)" } == [
                "Ash/LOT-b/4", "Zn/LOT-b/4", "assay/LOT-c/1", "assay/LOT-a/2", "assay/LOT-a/3",
                "assay/LOT-b/4",
            ])
    }

    @Test func byteOrderIsTheCCollation() {
        #expect("Zn".byteOrder("assay") == true)
        #expect("assay".byteOrder("Zn") == false)
        #expect("é".byteOrder("z") == false)  // U+00E9 is 0xC3 0xA9: after every ASCII byte
        #expect("lot".byteOrder("lot") == nil)
        #expect("".byteOrder("a") == true)
    }
}
