import Foundation
import Postgres
import ReportModel

/// The stored per supplier × material figures, read by declared columns.
extension StoredReportReader {
    enum SourceFiguresColumn: Int, PostgresColumns {
        case supplierId, materialId, dueLines, otdRate, otifRate, avgDaysLate, ppm, lotsReceived
        case medianLeadTimeDays, leadTimeLines, quotedLeadTimeDays, typicalQuantity, orderUnit, unitMismatch
        case volumeTierMinQuantity, volumeTierPrice, volumeTierLeadTimeDays, openLines, openQuantity, openUnit
        case openValue
    }

    static let sourceFiguresSQL = """
        SELECT \(SourceFiguresColumn.selectList)
        FROM scorecard_store.supplier_material_figures WHERE run_id = $1 ORDER BY supplier_id, material_id
        """

    /// Each supplier × material's stored figures, by supplier (ordered by material).
    func sourceFigures(_ runId: Int64) throws -> [String: [SourceFigures]] {
        var grouped: [String: [SourceFigures]] = [:]
        try connection.stream(Self.sourceFiguresSQL, [runId]) { raw in
            let row = raw.columns(SourceFiguresColumn.self)
            let figures = SourceFigures(
                materialId: try row.decode(String.self, .materialId),
                dueLines: try row.decode(Int.self, .dueLines),
                otdRate: try row.decodeIfPresent(Double.self, .otdRate),
                otifRate: try row.decodeIfPresent(Double.self, .otifRate),
                avgDaysLate: try row.decodeIfPresent(Double.self, .avgDaysLate),
                ppm: try row.decodeIfPresent(Double.self, .ppm),
                lotsReceived: try row.decode(Int.self, .lotsReceived),
                medianLeadTimeDays: try row.decodeIfPresent(Double.self, .medianLeadTimeDays),
                leadTimeLines: try row.decode(Int.self, .leadTimeLines),
                quotedLeadTimeDays: try row.decodeIfPresent(Double.self, .quotedLeadTimeDays),
                typicalQuantity: try row.decodeIfPresent(Double.self, .typicalQuantity),
                orderUnit: try row.decodeIfPresent(String.self, .orderUnit),
                unitMismatch: try row.decode(Bool.self, .unitMismatch),
                volumeTierMinQuantity: try row.decodeIfPresent(Double.self, .volumeTierMinQuantity),
                volumeTierPrice: try row.decodeIfPresent(Double.self, .volumeTierPrice),
                volumeTierLeadTimeDays: try row.decodeIfPresent(Int.self, .volumeTierLeadTimeDays),
                openLines: try row.decode(Int.self, .openLines),
                openQuantity: try row.decodeIfPresent(Double.self, .openQuantity),
                openUnit: try row.decodeIfPresent(String.self, .openUnit),
                openValue: try row.decodeIfPresent(Double.self, .openValue))
            grouped[try row.decode(String.self, .supplierId), default: []].append(figures)
        }
        return grouped
    }

    enum TodayColumn: Int, PostgresColumns {
        case supplierId, rank, urgency, soleSourced, criticalMaterials, openOrderValue

        var expression: String {
            switch self {
            case .soleSourced, .criticalMaterials: "\(name)::text"
            default: name
            }
        }
    }

    static let todaySQL = """
        SELECT \(TodayColumn.selectList) FROM scorecard_store.today_lines WHERE run_id = $1 ORDER BY rank
        """

    /// The run's "Today" lines, by supplier.
    func todayEntries(_ runId: Int64) throws -> [String: TodayEntry] {
        func ids(_ json: String) -> [String] {
            (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
        }
        var entries: [String: TodayEntry] = [:]
        try connection.stream(Self.todaySQL, [runId]) { raw in
            let row = raw.columns(TodayColumn.self)
            entries[try row.decode(String.self, .supplierId)] = TodayEntry(
                rank: try row.decode(Int.self, .rank), urgency: try row.decode(String.self, .urgency),
                soleSourced: ids(try row.decode(String.self, .soleSourced)),
                criticalMaterials: ids(try row.decode(String.self, .criticalMaterials)),
                openOrderValue: try row.decodeIfPresent(Double.self, .openOrderValue))
        }
        return entries
    }
}
