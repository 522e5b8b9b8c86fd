import Domain
import Foundation
import TestSupport

@testable import Scoring

/// One generated supplier of one material for the decision simulation, as of 2026-06-30 over the
/// 270-day look-back: an order line every 4 days (about 22 in the current window) of 1,000 units, one lot
/// each with a CoA (moisture, limits 0–10, centred at 5, σ from the true Cpk) accepted on receipt, defects
/// drawn per lot at the true PPM (reworked: a few units, not a lot rejection), two messages a week.
struct SimulatedSupplier {
    enum Problem: String, CaseIterable {
        case none
        case lateDelivery = "OTD 70 %"
        case defects = "PPM 20,000"
        case capability = "Cpk 0.9"
        case deprioritised = "deprioritisation"
    }

    static let asOf = B.day("2026-06-30")
    static let start = B.day("2025-10-05")

    var otd = 0.95
    var ppm = 500.0
    var cpk = 1.67
    var growing = false
    var deprioritised = false

    init(problem: Problem, growing: Bool) {
        self.growing = growing
        switch problem {
        case .none: break
        case .lateDelivery: otd = 0.70
        case .defects: ppm = 20_000
        case .capability: cpk = 0.9
        case .deprioritised:
            deprioritised = true
            self.growing = true
        }
    }

    func inputs(seed: UInt64) -> SupplierInputs {
        var normal = SeededNormal(seed: seed)
        var rng = SplitMix64(state: seed ^ 0x9E37_79B9_7F4A_7C15)
        let sigma = 5 / (3 * cpk)
        let recentStart = Self.asOf.advanced(by: -89)
        var lines: [OrderLine] = []
        var measurements: [LotMeasurement] = []
        var lots: [LotCoAStatus] = []
        var defects: [Defect] = []
        var k = 0
        var due = Self.start
        while due <= Self.asOf.advanced(by: -2) {
            let recent = due >= recentStart
            // Growth: recent orders twice (deprioritised: four times) the size; the largest quarter of
            // the recent lines is what a deprioritising supplier delays.
            let factor = recent && growing ? (deprioritised ? 4.0 : 2.0) : 1.0
            let large = recent && deprioritised && k % 4 == 0
            let quantity = 1_000 * factor * (large ? 2 : 1)
            let onTime = large ? rng.uniform() < 0.25 : rng.uniform() < otd
            let received = due.advanced(by: onTime ? 0 : 2 + Int(rng.uniform() * 5))
            let id = "OL\(k)"
            var line = B.line(
                id, qty: quantity, ordered: due.advanced(by: -14).iso, requested: due.iso,
                confirmedHours: recent && deprioritised ? 60 : 6, receipts: [(received.iso, quantity)])
            line.unitPrice = 10
            if received <= Self.asOf {
                lines.append(line)
            } else {
                due = due.advanced(by: 4)
                continue
            }
            let lot = "\(id)-LOT1"
            let value = 5 + sigma * normal.next()
            measurements.append(
                B.measurement(
                    lot, day: received.advanced(by: -2).iso, value: value,
                    verdict: value < 0 || value > 10 ? .fail : .pass, document: Int64(k + 1)))
            lots.append(
                LotCoAStatus(
                    receiptId: "\(id)-R1", supplierId: "SUP-1", materialId: "MAT-1", lotNumber: lot,
                    receivedOn: received, coaAcceptedOn: received))
            let defective = poisson(quantity * ppm / 1_000_000, &rng)
            if defective > 0 {
                defects.append(
                    Defect(
                        defectId: "D\(k)", receiptId: "\(id)-R1", supplierId: "SUP-1", materialId: "MAT-1",
                        detectedOn: received, severity: .warning, defectiveQuantity: Double(defective),
                        disposition: .rework))
            }
            k += 1
            due = due.advanced(by: 4)
        }
        var messages: [Communication] = []
        var sent = Self.start
        var m = 0
        while sent <= Self.asOf.advanced(by: -3) {
            let hours = 2 + rng.uniform() * 18
            let at = B.at("\(sent.iso)T09:00")
            messages.append(
                Communication(
                    communicationId: "C\(m)", supplierId: "SUP-1", kind: "inquiry", sentAt: at, sentOn: sent,
                    respondedAt: at.addingTimeInterval(hours * 3600)))
            m += 1
            sent = sent.advanced(by: m % 2 == 0 ? 3 : 4)
        }
        return SupplierInputs(
            supplier: B.supplier, orderLines: lines, defects: defects, communications: messages,
            measurements: measurements, lots: lots)
    }

    /// Knuth's method for small means, the normal approximation above 30.
    private func poisson(_ mean: Double, _ rng: inout SplitMix64) -> Int {
        if mean > 30 {
            var n = SeededNormal(seed: rng.next())
            return max(0, (mean + mean.squareRoot() * n.next()).roundedInteger ?? 0)
        }
        let limit = exp(-mean)
        var k = 0
        var p = rng.uniform()
        while p > limit {
            k += 1
            p *= rng.uniform()
        }
        return k
    }
}
