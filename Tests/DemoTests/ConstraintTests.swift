import Demo
import Domain
import Foundation
import Testing

@Suite struct ConstraintTests {
    @Test func standardWorldRespectsEveryConstraint() throws {
        let world = try standardWorld.get()
        var checker = ConstraintChecker()
        checker.check(order: world.order, tables: world.tables)
        #expect(checker.violations == [])
    }

    @Test func nothingHappensAfterTheAsOfDate() throws {
        let world = try standardWorld.get()
        let end = "2026-11-23T23:59:59Z"
        for (table, column) in [
            ("order_lines", "ordered_at"), ("receipts", "received_at"), ("defects", "detected_at"),
            ("communications", "sent_at"), ("communications", "responded_at"),
            ("inspection_results", "measured_at"),
        ] {
            let late = try world.rows(table).compactMap { $0[column] ?? nil }.filter { $0 > end }
            #expect(late == [], "\(table).\(column)")
        }
    }

    @Test func receiptsNeverExceedWhatWasOrderedAndNeverComeForCancelledLines() throws {
        let world = try standardWorld.get()
        var ordered: [String: (Double, Bool)] = [:]
        for line in try world.rows("order_lines") {
            guard let id = line["order_line_id"] ?? nil, let q = Double((line["quantity"] ?? nil) ?? "")
            else { continue }
            ordered[id] = (q, line["cancelled"] == "t")
        }
        var received: [String: Double] = [:]
        for r in try world.rows("receipts") {
            guard let line = r["order_line_id"] ?? nil, let q = Double((r["quantity"] ?? nil) ?? "") else {
                continue
            }
            received[line, default: 0] += q
        }
        for (line, quantity) in received {
            let order = try #require(ordered[line])
            #expect(quantity <= order.0 + 1e-9, "\(line)")
            #expect(!order.1, "receipt for cancelled \(line)")
        }
    }

    /// The checker itself must catch bad rows, or the test above proves nothing.
    @Test func checkerCatchesBrokenRows() {
        let tables: [String: RecordedTable] = [
            "suppliers": RecordedTable(
                columns: ["supplier_id", "name", "country", "active"], rows: [["SUP-0001", "A", nil, "t"]]),
            "materials": RecordedTable(
                columns: ["material_id", "name", "criticality"], rows: [["MAT-0001", "M", "severe"]]),
            "specifications": RecordedTable(
                columns: ConstraintChecker.expectedColumns["specifications"] ?? [],
                rows: [
                    ["MAT-0001", "assay", "%", "100.5", "99.0", nil, "2025-01-01", nil],
                    ["MAT-0001", "lead", "%", nil, nil, nil, "2025-01-01", nil],
                ]),
            "communications": RecordedTable(
                columns: ConstraintChecker.expectedColumns["communications"] ?? [],
                rows: [["CM-1", "SUP-0001", "rfq", "2026-01-02T10:00:00Z", "2026-01-01T10:00:00Z"]]),
            "receipts": RecordedTable(
                columns: ConstraintChecker.expectedColumns["receipts"] ?? [],
                rows: [["RC-1", "OL-404", "2026-01-02T10:00:00Z", "0", nil]]),
        ]
        var checker = ConstraintChecker()
        checker.check(
            order: ["suppliers", "materials", "specifications", "communications", "receipts"], tables: tables)
        let text = checker.violations.joined(separator: "\n")
        #expect(text.contains("table order"))
        #expect(text.contains("materials: criticality of MAT-0001"))
        #expect(text.contains("100.5 ≥ 99.0"))
        #expect(text.contains("no limit for MAT-0001 lead"))
        #expect(text.contains("responded before sent CM-1"))
        #expect(text.contains("receipts: FK RC-1"))
        #expect(text.contains("receipts: quantity RC-1"))
    }
}
