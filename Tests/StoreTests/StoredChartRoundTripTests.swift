import Domain
import Foundation
import Postgres
import ReportModel
import TestSupport
import Testing

@testable import Scoring
@testable import Store

/// What the writer stores for the pages is what the report reader gives back, exactly: lot numbers that
/// the array and COPY text formats must escape, doubles that must not lose a bit, flags per lot.
@Suite struct StoredChartRoundTripTests {
    static let awkwardLots = [
        "L-1", "a,b", "quote\"d", "back\\slash", "{brace}", "NULL", "tab\there", "  spaced ", "Ünïcødé-✓", "",
    ]

    func migratedConnection() throws -> PostgresConnection {
        let (connection, _) = try TestCluster.shared.connect()
        let sql = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SQL")
        _ = try Migrator(
            migrations: try Migrator.load(from: sql), repeatable: try Migrator.loadRepeatable(from: sql),
            logger: TestCluster.quietLogger
        ).migrate(connection)
        return connection
    }

    func chart(supplier: String = "SUP-1") -> ControlChartRecord {
        let lots = Self.awkwardLots
        return ControlChartRecord(
            supplierId: supplier, materialId: "MAT-1", characteristic: "assay", unit: "%", lowerLimit: 99.0,
            upperLimit: 100.5, target: nil, edgeLower: 99.15, edgeUpper: 100.35, centre: 1.0 / 3.0,
            sigma: 0.1 + 0.2, lambda: 0.35, sigmaMultiple: 2.6,
            points: lots.indices.map { i in
                ControlChartRecord.Point(
                    lotNumber: lots[i], lotDay: Day(year: 2026, month: 1, day: 1 + i),
                    value: 99.0 + Double(i) / 7.0, verdict: i == 3 ? .edge : .pass,
                    ewma: 1e-300 * Double(i + 1),
                    ewmaLower: -Double(i) / 3.0, ewmaUpper: Double(i) / 3.0, flagged: i % 3 == 0)
            })
    }

    @Test func aChartReadsBackLotByLotAndBitForBit() throws {
        let connection = try migratedConnection()
        defer { connection.close() }
        let runId = try RunLedger(connection).start(asOf: Day(year: 2026, month: 2, day: 1))
        let stored = chart()
        try ResultWriter(connection, runId: runId).write(charts: [stored, chart(supplier: "SUP-2")])
        let read = try StoredReportReader(connection: connection).controlCharts(runId)
        #expect(read.keys.sorted() == ["SUP-1", "SUP-2"])
        let drawn = try #require(read["SUP-1"]?.first)
        #expect(drawn.points.map(\.lotNumber) == Self.awkwardLots)
        #expect(drawn.points.map(\.value) == stored.points.map(\.value))
        #expect(drawn.points.map(\.ewma) == stored.points.map { Optional($0.ewma) })
        #expect(drawn.points.map(\.flagged) == stored.points.map(\.flagged))
        #expect(drawn.points.map(\.verdict) == stored.points.map(\.verdict))
        #expect(drawn.points.map(\.lotDay) == stored.points.map(\.lotDay))
        #expect(drawn.baselineMean == 1.0 / 3.0)
        #expect(drawn.edgeLower == 99.15 && drawn.edgeUpper == 100.35)
        #expect(drawn.ewmaLowerLimit == stored.points.last?.ewmaLower)
        #expect(drawn.ewmaUpperLimit == stored.points.last?.ewmaUpper)
    }

    @Test func materialSourcingAndResponseMonthsReadBackAsStored() throws {
        let connection = try migratedConnection()
        defer { connection.close() }
        try connection.executeScript(
            """
            INSERT INTO procurement.suppliers (supplier_id, name) VALUES ('SUP-1', 'One');
            INSERT INTO procurement.materials (material_id, name, criticality) VALUES
                ('MAT-1', 'Zinc oxide', 'critical'), ('MAT-2', 'Talc', 'minor');
            INSERT INTO procurement.approved_sources (supplier_id, material_id, status) VALUES ('SUP-1', 'MAT-1', 'approved');
            """)
        let runId = try RunLedger(connection).start(asOf: Day(year: 2026, month: 2, day: 1))
        let writer = ResultWriter(connection, runId: runId)
        try writer.write(sourcing: [
            MaterialSourcing(
                materialId: "MAT-1", criticality: .critical, sources: 1, usableSources: 1, requiredSources: 2,
                singleSourced: true),
            MaterialSourcing(
                materialId: "MAT-2", criticality: .minor, sources: 0, usableSources: 0, requiredSources: nil,
                singleSourced: false),
        ])
        var figures = ResponsivenessFigures()
        figures.messages = 3
        figures.unansweredOverdue = 1
        figures.pending = 1
        figures.medianResponseHours = 30.5
        try writer.write(responseMonths: [
            ("SUP-1", MonthlyResponseFigures(month: Day(year: 2026, month: 1, day: 1), figures: figures))
        ])
        let reader = StoredReportReader(connection: connection)
        let materials = try reader.materials(runId)
        #expect(materials.map(\.materialId) == ["MAT-1", "MAT-2"])
        #expect(
            materials[0].isSingleSourced && materials[0].usableSources == 1
                && materials[0].requiredSources == 2)
        #expect(!materials[1].isSingleSourced && materials[1].requiredSources == nil)
        let months = try #require(try reader.monthlyResponse(runId)["SUP-1"])
        #expect(months.count == 1)
        #expect(months.first?.messages == 3 && months.first?.unanswered == 2)
        #expect(months.first?.medianResponseHours == 30.5)
    }
}

/// Where a day begins and ends: the one cut of timestamps into days, at a zone boundary.
@Suite struct LocalDayTests {
    @Test func anInstantFallsOnTheDayOfTheZone() throws {
        let (connection, _) = try TestCluster.shared.connect()
        defer { connection.close() }
        for (zone, day) in [
            ("UTC", "2026-05-05"), ("Asia/Tokyo", "2026-05-06"), ("America/Los_Angeles", "2026-05-05"),
        ] {
            let result = try connection.query(
                "SELECT \(LocalDay.of("$1::timestamptz", zone: "$2"))::text", ["2026-05-05 23:30:00Z", zone])
            #expect(try result.first(where: { _ in true })?.decode(String.self, at: 0) == day, "\(zone)")
        }
        // The day 2026-05-06 begins in Tokyo at 15:00 UTC the day before.
        let start = try connection.query(
            "SELECT \(LocalDay.start("$1::date", zone: "$2")) = '2026-05-05 15:00:00Z'::timestamptz",
            ["2026-05-06", "Asia/Tokyo"])
        #expect(try start.first(where: { _ in true })?.decode(Bool.self, at: 0) == true)
    }
}
