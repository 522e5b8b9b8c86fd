import Domain
import Foundation
import Testing

@testable import Scoring

private let asOf = B.day("2026-06-30")

/// Baseline window 2025-10-04…2026-04-01: twelve 400 kg lines every 14 days, ordered 20 days ahead,
/// all on time. Current window 2026-04-02…2026-06-30: sixteen lines every 4 days; lines 0, 4, 8, 12 are
/// 1,800 kg and arrive 10 days late; line 1 arrives 3 days late.
private func collapsing(largeLate: Int = 10, smallLate: Int = 3, recentLines: Int = 16) -> [OrderLine] {
    var lines: [OrderLine] = []
    for k in 0..<12 {
        let due = B.day("2025-10-24").advanced(by: 14 * k)
        lines.append(
            B.line(
                "B\(k)", qty: 400, ordered: due.advanced(by: -20).iso, requested: due.iso,
                receipts: [(due.iso, 400)]))
    }
    for k in 0..<recentLines {
        let due = B.day("2026-04-22").advanced(by: 4 * k)
        let large = k % 4 == 0
        let late = large ? largeLate : (k == 1 ? smallLate : 0)
        let qty: Double = large ? 1_800 : 400
        lines.append(
            B.line(
                "R\(k)", qty: qty, ordered: due.advanced(by: -20).iso, requested: due.iso,
                receipts: [(due.advanced(by: late).iso, qty)]))
    }
    return lines
}

@Suite struct PriorityRiskTests {
    @Test func collapseOnLargeOrdersAfterFivefoldVolumeIsHigh() throws {
        let result = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, orderLines: collapsing()), asOf: asOf)
        let risk = result.risk
        #expect(risk.level == .high)
        #expect(try abs(#require(risk.volumeGrowth) - 5) < 1e-9)  // 4,000 kg/month against 800
        // OTD 100 % → 68.75 %: 25 (capped); OTIF the same: 10; days late 0 → 43/16 = 2.6875: 10·2.6875/7;
        // large orders 0 % on time against 11/12: 15 (capped); lead time 20 → 363/16 days: 7.5·2.6875/10.
        let base = 25 + 10 + 10 * 2.6875 / 7 + 15 + 7.5 * 2.6875 / 10
        #expect(try abs(#require(risk.baseScore) - base) < 1e-9)
        let amplifier = 1 + 0.25 * log2(5.0)
        #expect(abs(risk.amplifier - amplifier) < 1e-12)
        #expect(try abs(#require(risk.score) - min(100, base * amplifier)) < 1e-9)
        #expect(risk.largeOrderThreshold == 400)
        #expect(risk.signals.prefix(3).map(\.name) == ["otd_drop", "large_order_gap", "otif_drop"])
        #expect(result.score.riskLevel == .high)

        let flag = try #require(result.flags.first { $0.kind == .priorityPositionRisk })
        #expect(flag.severity == .critical)
        #expect(
            flag.message
                == "On-time delivery fell from 100 % to 69 % while monthly volume grew 5×; orders above 400 kg "
                + "arrive 10 days late on average, smaller ones 0.3; OTIF fell from 100 % to 69 %.")
    }

    @Test func cleanSupplierIsLow() throws {
        let result = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, orderLines: collapsing(largeLate: 0, smallLate: 0)),
            asOf: asOf)
        #expect(result.risk.level == .low)
        #expect(result.risk.score == 0)
        #expect(result.flags.isEmpty)
    }

    @Test func fewLinesAreInsufficientData() {
        let result = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, orderLines: collapsing(recentLines: 7)), asOf: asOf)
        #expect(result.risk.level == .insufficientData)
        #expect(result.risk.score == nil)
        #expect(result.score.riskScore == nil)
        #expect(result.flags.allSatisfy { $0.kind != .priorityPositionRisk })
    }

    @Test func volumeAmplifiesAModerateSlip() throws {
        // Only the large orders slip, two days each, while volume grows fivefold.
        let result = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, orderLines: collapsing(largeLate: 2, smallLate: 0)),
            asOf: asOf)
        // OTD 100 % → 75 % on 12 against 16 lines: pooled 24/28, standard error 0.134; the fall of 0.25 is within
        // two errors, so OTD and OTIF score nothing. Days late 8/16 = 0.5: 10·0.5/7; the large orders, 0 % on
        // time against 100 % (4 against 12 lines, error 0.25: beyond two), score 15; lead time 20 → 20.5: 7.5·0.5/10.
        let base = 10 * 0.5 / 7 + 15 + 7.5 * 0.5 / 10
        #expect(try abs(#require(result.risk.baseScore) - base) < 1e-9)
        #expect(result.risk.level == .medium)  // 16.1 amplified by the fivefold volume (× 1.58) = 25.4
        #expect(result.risk.signals.map(\.name).contains("otd_drop") == false)
        // The level follows the configured bands: a medium threshold just above 25.4 makes it low.
        var config = ScoringConfig()
        config.riskMediumScore = 26
        #expect(
            Scorer(config: config).score(
                SupplierInputs(supplier: B.supplier, orderLines: collapsing(largeLate: 2, smallLate: 0)),
                asOf: asOf
            ).risk.level == .low)
    }
}
