import Domain
import Foundation
import Postgres
import Scoring
import Store
import Testing

/// The run's scope (``RunScope``): the lines due, ordered or received in the window, read once per run.
@Suite struct RunScopeTests {
    private func window(_ from: String, _ asOf: String) throws -> InputLoader.Window {
        .init(from: try JobFixture.day(from), asOf: try JobFixture.day(asOf), timeZone: "UTC")
    }

    private let supplier = SupplierInfo(supplierId: "SUP-A", name: "Alpha", country: nil, active: true)

    /// 05-11 to 05-16: L2 (due 05-10, ordered 04-25) is in scope only through its receipt of 05-15, and
    /// brings both its receipts; every other line of the hand-computed world is out.
    @Test func aLineReceivedInTheWindowIsInScopeWithAllItsReceipts() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let connection = try fixture.connect()
        defer { connection.close() }
        let loader = InputLoader(connection, window: try window("2026-05-11", "2026-05-16"))
        var anomalies: [InputAnomaly] = []
        let inputs = try connection.inTransaction {
            _ = try loader.collectScope()
            // A second collection in the same transaction starts afresh.
            let scope = try loader.collectScope()
            return try loader.load([supplier], in: scope, anomalies: &anomalies)
        }
        let lines = try #require(inputs.first).orderLines
        #expect(lines.map(\.orderLineId) == ["L2"])
        #expect(lines.first?.receipts.map(\.receiptId) == ["R2", "R3"])
        #expect(anomalies.isEmpty)
        // Gone with the transaction.
        #expect(
            try connection.query("SELECT to_regclass('pg_temp.scorecard_lines_in_scope') IS NULL").first?
                .decode(Bool.self, at: 0) == true)
    }

    @Test func theScopeNeedsTheRunsTransactionAndItsOwnWindow() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let connection = try fixture.connect()
        defer { connection.close() }
        let loader = InputLoader(connection, window: try window("2026-04-02", "2026-06-30"))
        #expect(throws: StoreError.self) { try loader.collectScope() }
        let other = InputLoader(connection, window: try window("2026-04-01", "2026-06-30"))
        try connection.inTransaction {
            let scope = try loader.collectScope()
            var anomalies: [InputAnomaly] = []
            #expect(throws: StoreError.self) { try other.load([supplier], in: scope, anomalies: &anomalies) }
            #expect(
                try loader.load([supplier], in: scope, anomalies: &anomalies).first?.orderLines.count == 7)
        }
    }
}
