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
}
