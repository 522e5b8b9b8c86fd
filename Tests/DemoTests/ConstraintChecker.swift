import Domain
import Foundation

/// Checks recorded rows against the CHECK, NOT NULL, primary-key and foreign-key constraints of the
/// procurement DDL (SQL/001_procurement.sql), and the text formats PostgreSQL will parse. Returns one message per violation.
struct ConstraintChecker {
    var violations: [String] = []

    static let expectedOrder = [
        "suppliers", "materials", "approved_sources", "specifications", "order_lines", "receipts", "defects",
        "communications", "quotations", "inspection_results",
    ]

    static let expectedColumns: [String: [String]] = [
        "suppliers": ["supplier_id", "name", "country", "active"],
        "materials": ["material_id", "name", "criticality"],
        "approved_sources": ["supplier_id", "material_id", "supplier_part_number", "status", "approved_on"],
        "specifications": [
            "material_id", "characteristic", "unit", "lower_limit", "upper_limit", "target", "valid_from",
            "valid_to",
        ],
        "order_lines": [
            "order_line_id", "supplier_id", "material_id", "quantity", "unit", "unit_price", "ordered_at",
            "requested_date", "promised_date", "confirmed_at", "repromised_date", "cancelled",
        ],
        "receipts": ["receipt_id", "order_line_id", "received_at", "quantity", "lot_number"],
        "defects": [
            "defect_id", "receipt_id", "supplier_id", "material_id", "detected_at", "severity",
            "defective_quantity", "disposition", "description",
        ],
        "communications": ["communication_id", "supplier_id", "kind", "sent_at", "responded_at"],
        "quotations": [
            "quotation_id", "supplier_id", "material_id", "quoted_at", "min_quantity", "unit_price",
            "lead_time_days", "valid_until",
        ],
        "inspection_results": ["receipt_id", "characteristic", "value", "unit", "measured_at"],
    ]

    private mutating func fail(_ message: String) {
        if violations.count < 50 { violations.append(message) }
    }

    mutating func check(order: [String], tables: [String: RecordedTable]) {
        if order != ConstraintChecker.expectedOrder { fail("table order \(order)") }
        for (name, columns) in ConstraintChecker.expectedColumns where tables[name]?.columns != columns {
            fail("\(name): columns \(tables[name]?.columns ?? [])")
        }
        func rows(_ name: String) -> [[String: String?]] {
            guard let t = tables[name] else { return [] }
            return t.rows.map { Dictionary(uniqueKeysWithValues: zip(t.columns, $0).map { ($0, $1) }) }
        }
        func value(_ row: [String: String?], _ column: String) -> String? { row[column] ?? nil }

        var suppliers: Set<String> = []
        for r in rows("suppliers") {
            guard let id = value(r, "supplier_id"), value(r, "name") != nil, let active = value(r, "active")
            else {
                fail("suppliers: null in \(r)")
                continue
            }
            if !suppliers.insert(id).inserted { fail("suppliers: duplicate \(id)") }
            if active != "t" && active != "f" { fail("suppliers: active \(active)") }
        }
        var materials: Set<String> = []
        for r in rows("materials") {
            guard let id = value(r, "material_id"), value(r, "name") != nil else {
                fail("materials: null")
                continue
            }
            if !materials.insert(id).inserted { fail("materials: duplicate \(id)") }
            if !["critical", "major", "minor"].contains(value(r, "criticality") ?? "") {
                fail("materials: criticality of \(id)")
            }
        }
        var sourceKeys: Set<String> = []
        for r in rows("approved_sources") {
            let s = value(r, "supplier_id") ?? ""
            let m = value(r, "material_id") ?? ""
            if !suppliers.contains(s) || !materials.contains(m) { fail("approved_sources: FK \(s) \(m)") }
            if !sourceKeys.insert(s + "|" + m).inserted { fail("approved_sources: duplicate \(s) \(m)") }
            if !["approved", "conditional", "pending", "blocked"].contains(value(r, "status") ?? "") {
                fail("approved_sources: status")
            }
            checkDay(value(r, "approved_on"), nullable: true, "approved_sources.approved_on")
        }
        var specKeys: Set<String> = []
        for r in rows("specifications") {
            let m = value(r, "material_id") ?? ""
            if !materials.contains(m) { fail("specifications: FK \(m)") }
            guard let c = value(r, "characteristic"), value(r, "unit") != nil,
                let from = value(r, "valid_from")
            else {
                fail("specifications: null")
                continue
            }
            if !specKeys.insert(m + "|" + c + "|" + from).inserted { fail("specifications: duplicate key") }
            let lower = number(value(r, "lower_limit"), "specifications.lower_limit")
            let upper = number(value(r, "upper_limit"), "specifications.upper_limit")
            _ = number(value(r, "target"), "specifications.target")
            if lower == nil && upper == nil { fail("specifications: no limit for \(m) \(c)") }
            if let lower, let upper, !(lower < upper) {
                fail("specifications: \(lower) ≥ \(upper) for \(m) \(c)")
            }
            checkDay(from, nullable: false, "specifications.valid_from")
            checkDay(value(r, "valid_to"), nullable: true, "specifications.valid_to")
        }
        var lines: Set<String> = []
        for r in rows("order_lines") {
            guard let id = value(r, "order_line_id") else {
                fail("order_lines: null id")
                continue
            }
            if !lines.insert(id).inserted { fail("order_lines: duplicate \(id)") }
            if !suppliers.contains(value(r, "supplier_id") ?? "")
                || !materials.contains(value(r, "material_id") ?? "")
            {
                fail("order_lines: FK \(id)")
            }
            if !((number(value(r, "quantity"), "order_lines.quantity") ?? 0) > 0) {
                fail("order_lines: quantity \(id)")
            }
            if value(r, "unit") == nil { fail("order_lines: unit") }
            _ = number(value(r, "unit_price"), "order_lines.unit_price")
            checkTimestamp(value(r, "ordered_at"), nullable: false, "order_lines.ordered_at")
            checkTimestamp(value(r, "confirmed_at"), nullable: true, "order_lines.confirmed_at")
            checkDay(value(r, "requested_date"), nullable: false, "order_lines.requested_date")
            checkDay(value(r, "promised_date"), nullable: true, "order_lines.promised_date")
            checkDay(value(r, "repromised_date"), nullable: true, "order_lines.repromised_date")
            if !["t", "f"].contains(value(r, "cancelled") ?? "") { fail("order_lines: cancelled") }
        }
        var receipts: Set<String> = []
        for r in rows("receipts") {
            guard let id = value(r, "receipt_id") else {
                fail("receipts: null id")
                continue
            }
            if !receipts.insert(id).inserted { fail("receipts: duplicate \(id)") }
            if !lines.contains(value(r, "order_line_id") ?? "") { fail("receipts: FK \(id)") }
            if !((number(value(r, "quantity"), "receipts.quantity") ?? 0) > 0) {
                fail("receipts: quantity \(id)")
            }
            checkTimestamp(value(r, "received_at"), nullable: false, "receipts.received_at")
        }
        var defects: Set<String> = []
        for r in rows("defects") {
            guard let id = value(r, "defect_id") else {
                fail("defects: null id")
                continue
            }
            if !defects.insert(id).inserted { fail("defects: duplicate \(id)") }
            if let receipt = value(r, "receipt_id"), !receipts.contains(receipt) {
                fail("defects: FK receipt \(id)")
            }
            if !suppliers.contains(value(r, "supplier_id") ?? "")
                || !materials.contains(value(r, "material_id") ?? "")
            {
                fail("defects: FK \(id)")
            }
            if !["critical", "major", "minor"].contains(value(r, "severity") ?? "") {
                fail("defects: severity")
            }
            if !["reject", "return", "rework", "use_as_is"].contains(value(r, "disposition") ?? "") {
                fail("defects: disposition")
            }
            guard let q = number(value(r, "defective_quantity"), "defects.defective_quantity"), q >= 0 else {
                fail("defects: defective_quantity \(id)")
                continue
            }
            checkTimestamp(value(r, "detected_at"), nullable: false, "defects.detected_at")
        }
        var messages: Set<String> = []
        for r in rows("communications") {
            guard let id = value(r, "communication_id") else {
                fail("communications: null id")
                continue
            }
            if !messages.insert(id).inserted { fail("communications: duplicate \(id)") }
            if !suppliers.contains(value(r, "supplier_id") ?? "") { fail("communications: FK \(id)") }
            if !["rfq", "inquiry", "complaint", "corrective_action", "expedite"].contains(
                value(r, "kind") ?? "")
            {
                fail("communications: kind")
            }
            checkTimestamp(value(r, "sent_at"), nullable: false, "communications.sent_at")
            checkTimestamp(value(r, "responded_at"), nullable: true, "communications.responded_at")
            // Same-format ISO timestamps in UTC compare as text.
            if let answered = value(r, "responded_at"), answered < (value(r, "sent_at") ?? "") {
                fail("communications: responded before sent \(id)")
            }
        }
        var quotes: Set<String> = []
        for r in rows("quotations") {
            guard let id = value(r, "quotation_id") else {
                fail("quotations: null id")
                continue
            }
            if !quotes.insert(id).inserted { fail("quotations: duplicate \(id)") }
            if !suppliers.contains(value(r, "supplier_id") ?? "")
                || !materials.contains(value(r, "material_id") ?? "")
            {
                fail("quotations: FK \(id)")
            }
            if !((number(value(r, "min_quantity"), "quotations.min_quantity") ?? 0) > 0) {
                fail("quotations: min \(id)")
            }
            if !((number(value(r, "unit_price"), "quotations.unit_price") ?? -1) >= 0) {
                fail("quotations: price \(id)")
            }
            guard let lead = Int(value(r, "lead_time_days") ?? ""), lead >= 0 else {
                fail("quotations: lead \(id)")
                continue
            }
            checkDay(value(r, "quoted_at"), nullable: false, "quotations.quoted_at")
            checkDay(value(r, "valid_until"), nullable: true, "quotations.valid_until")
        }
        var inspections: Set<String> = []
        for r in rows("inspection_results") {
            let receipt = value(r, "receipt_id") ?? ""
            if !receipts.contains(receipt) { fail("inspection_results: FK \(receipt)") }
            guard let c = value(r, "characteristic"), value(r, "unit") != nil,
                number(value(r, "value"), "inspection_results.value") != nil, let at = value(r, "measured_at")
            else {
                fail("inspection_results: null in \(receipt)")
                continue
            }
            if !inspections.insert(receipt + "|" + c + "|" + at).inserted {
                fail("inspection_results: duplicate key")
            }
            checkTimestamp(at, nullable: false, "inspection_results.measured_at")
        }
    }

    /// A plain numeric literal (what PostgreSQL's numeric input accepts; no exponent, no comma).
    private mutating func number(_ text: String?, _ what: String) -> Double? {
        guard let text else { return nil }
        let plain = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }
        guard plain, let value = Double(text) else {
            fail("\(what): not a plain number '\(text)'")
            return nil
        }
        return value
    }

    private mutating func checkDay(_ text: String?, nullable: Bool, _ what: String) {
        guard let text else {
            if !nullable { fail("\(what): null") }
            return
        }
        if Day(iso: text) == nil { fail("\(what): not a date '\(text)'") }
    }

    private mutating func checkTimestamp(_ text: String?, nullable: Bool, _ what: String) {
        guard let text else {
            if !nullable { fail("\(what): null") }
            return
        }
        let parts = text.split(separator: "T")
        let ok =
            text.count == 20 && text.hasSuffix("Z") && parts.count == 2 && Day(iso: parts[0]) != nil
            && parts[1].dropLast().split(separator: ":").compactMap { Int($0) }.count == 3
        if !ok { fail("\(what): not an ISO UTC timestamp '\(text)'") }
    }
}
