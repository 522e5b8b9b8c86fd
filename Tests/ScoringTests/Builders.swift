import Domain
import Foundation

@testable import Scoring

/// Compact builders for hand-worked scenarios.
enum B {
    static let supplier = SupplierInfo(supplierId: "SUP-1", name: "Test Supplier")

    static func day(_ iso: String) -> Day {
        Day(iso: iso) ?? Day(daysSinceEpoch: 0)
    }

    /// An instant given as "YYYY-MM-DDTHH:MM" in UTC.
    static func at(_ text: String) -> Date {
        let parts = text.split(separator: "T")
        let d = day(String(parts[0]))
        let hm = parts.count > 1 ? parts[1].split(separator: ":").compactMap { Int($0) } : [0, 0]
        let seconds = Double(d.daysSinceEpoch) * 86_400 + Double(hm[0] * 3600 + hm[1] * 60)
        return Date(timeIntervalSince1970: seconds)
    }

    static func line(
        _ id: String, qty: Double = 100, ordered: String, requested: String, promised: String? = nil,
        confirmedHours: Double? = nil, repromised: String? = nil, cancelled: Bool = false,
        receipts: [(String, Double)] = [], material: String = "MAT-1", unit: String = "kg"
    ) -> OrderLine {
        OrderLine(
            orderLineId: id, supplierId: supplier.supplierId, materialId: material, quantity: qty, unit: unit,
            orderedOn: day(ordered), requestedDate: day(requested), promisedDate: promised.map(day),
            confirmationHours: confirmedHours, repromisedDate: repromised.map(day), cancelled: cancelled,
            receipts: receipts.enumerated().map { i, r in
                Receipt(
                    receiptId: "\(id)-R\(i + 1)", orderLineId: id, supplierId: supplier.supplierId,
                    materialId: material, receivedOn: day(r.0), quantity: r.1, lotNumber: "\(id)-LOT\(i + 1)")
            })
    }

    static func message(_ id: String, sent: String, responded: String?) -> Communication {
        let s = at(sent)
        return Communication(
            communicationId: id, supplierId: supplier.supplierId, kind: "inquiry", sentAt: s,
            sentOn: Day(daysSinceEpoch: Int((s.timeIntervalSince1970 / 86_400).rounded(.down))),
            respondedAt: responded.map(at))
    }

    static func measurement(
        _ lot: String, day d: String, value: Double?, verdict: Verdict, material: String = "MAT-1",
        characteristic: String = "moisture", lower: Double? = 0, upper: Double? = 10, document: Int64 = 1
    ) -> LotMeasurement {
        LotMeasurement(
            documentId: document, supplierId: supplier.supplierId, materialId: material,
            characteristic: characteristic, lotNumber: lot, lotDay: day(d), value: value, verdict: verdict,
            lowerLimit: lower, upperLimit: upper, unit: "%")
    }
}
