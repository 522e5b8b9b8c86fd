import Postgres
import Testing

@testable import Store

/// Every column set the Store reads or writes by: positions as declared (the select and COPY lists are
/// written in that order), names that are the table's, and select lists that name computed columns.
@Suite struct ColumnSetTests {
    static let sets: [(name: String, follows: Bool, names: [String])] = [
        entry(InputLoader.OrderLineColumn.self), entry(InputLoader.ReceiptColumn.self),
        entry(InputLoader.DefectColumn.self), entry(InputLoader.CommunicationColumn.self),
        entry(InputLoader.QuotationColumn.self), entry(InputLoader.MeasurementColumn.self),
        entry(InputLoader.InspectionColumn.self), entry(ResultWriter.SupplierScoreColumn.self),
        entry(ResultWriter.FlagColumn.self), entry(ResultWriter.CapabilityColumn.self),
        entry(ResultWriter.DeliveryMonthColumn.self), entry(ResultWriter.OrderSizeColumn.self),
        entry(ResultWriter.MaterialDecisionColumn.self), entry(ResultWriter.StatusChangeColumn.self),
        entry(ResultWriter.ChartColumn.self), entry(ResultWriter.ResponseMonthColumn.self),
        entry(ResultWriter.SourcingColumn.self), entry(ResultWriter.AnomalyColumn.self),
        entry(ResultWriter.JudgedLineColumn.self), entry(ResultWriter.MaterialFiguresColumn.self),
        entry(ResultWriter.TodayLineColumn.self),
        entry(StoredReportReader.SourceFiguresColumn.self), entry(StoredReportReader.TodayColumn.self),
        entry(CoADocumentStore.DocumentColumn.self),
        entry(CoADocumentStore.MeasurementColumn.self),
    ]

    static func entry<C: PostgresColumns>(_ set: C.Type) -> (name: String, follows: Bool, names: [String]) {
        (String(reflecting: set), set.positionsFollowDeclaration, set.allCases.map(\.name))
    }

    @Test(arguments: sets.map(\.name)) func positionsFollowTheDeclaration(_ name: String) {
        let set = Self.sets.first { $0.name == name }
        #expect(set?.follows == true)
        #expect(set.map { Set($0.names).count == $0.names.count } == true, "no column twice")
    }

    @Test func namesAreTheTablesSnakeCaseColumns() {
        #expect(ResultWriter.SupplierScoreColumn.withinSlaRate.name == "within_sla_rate")
        #expect(ResultWriter.ChartColumn.ewmaL.name == "ewma_l")
        #expect(ResultWriter.CapabilityColumn.driftPValue.name == "drift_p_value")
    }

    @Test func computedColumnsAreNamedInTheSelectList() {
        let list = InputLoader.ReceiptColumn.selectList
        #expect(list.hasPrefix("receipt_id, order_line_id, supplier_id"))
        #expect(list.contains("date_part('epoch', received_at) AS received_at"))
        #expect(InputLoader.DefectColumn.selectList.contains("d.defect_id AS defect_id"))
    }
}
