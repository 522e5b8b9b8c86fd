import Domain
import Postgres
import Scoring

/// Each supplier × material's figures of the current window, as Scoring computed them (view
/// `scorecard.supplier_material_figures`, the material pages).
extension ResultWriter {
    public func write(materialFigures: [MaterialFigures]) throws {
        typealias C = MaterialFiguresColumn
        _ = try connection.copyIn(table: "scorecard_store.supplier_material_figures", columns: C.self) {
            writer in
            for f in materialFigures {
                try writer.appendRow { row in
                    try row.append(runId, C.runId)
                    try row.append(f.supplierId, C.supplierId)
                    try row.append(f.materialId, C.materialId)
                    try row.append(f.dueLines, C.dueLines)
                    try row.append(f.otdRate, C.otdRate)
                    try row.append(f.otifRate, C.otifRate)
                    try row.append(f.avgDaysLate, C.avgDaysLate)
                    try row.append(f.ppm, C.ppm)
                    try row.append(f.lotsReceived, C.lotsReceived)
                    try row.append(f.medianLeadTimeDays, C.medianLeadTimeDays)
                    try row.append(f.leadTimeLines, C.leadTimeLines)
                    try row.append(f.leadTimeCV, C.leadTimeCv)
                    try row.append(f.quotedLeadTimeDays, C.quotedLeadTimeDays)
                    try row.append(f.typicalQuantity, C.typicalQuantity)
                    try row.append(f.orderUnit, C.orderUnit)
                    try row.append(f.unitMismatch, C.unitMismatch)
                    try row.append(f.volumeTier?.quotationId, C.volumeTierQuotationId)
                    try row.append(f.volumeTier?.minQuantity, C.volumeTierMinQuantity)
                    try row.append(f.volumeTierPrice, C.volumeTierPrice)
                    try row.append(f.volumeTierLeadTimeDays, C.volumeTierLeadTimeDays)
                    try row.append(f.openLines, C.openLines)
                    try row.append(f.openQuantity, C.openQuantity)
                    try row.append(f.openUnit, C.openUnit)
                    try row.append(f.openValue, C.openValue)
                    try row.append(f.unpricedOpenLines, C.unpricedOpenLines)
                }
            }
        }
    }

    /// The index's "Today" lines as the run ranked them.
    public func write(today: [TodayStanding]) throws {
        typealias C = TodayLineColumn
        _ = try connection.copyIn(table: "scorecard_store.today_lines", columns: C.self) { writer in
            for t in today {
                try writer.appendRow { row in
                    try row.append(runId, C.runId)
                    try row.append(t.supplierId, C.supplierId)
                    try row.append(t.rank, C.rank)
                    try row.append(t.urgency.rawValue, C.urgency)
                    try row.append(JSONValue.array(t.soleSourced.map { .string($0) }).jsonText, C.soleSourced)
                    try row.append(
                        JSONValue.array(t.criticalMaterials.map { .string($0) }).jsonText, C.criticalMaterials
                    )
                    try row.append(t.openOrderValue, C.openOrderValue)
                }
            }
        }
    }
}
