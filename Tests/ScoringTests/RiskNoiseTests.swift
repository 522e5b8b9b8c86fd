import Domain
import Foundation
import Testing

@testable import Scoring

/// The same fall in on-time delivery, 93 % → 73 %, on few lines and on many.
private func lines(perWindow n: Int) -> [OrderLine] {
    var lines: [OrderLine] = []
    let lateBaseline = Int((Double(n) * 0.0667).rounded())  // ≈ 93 % on time
    let lateRecent = Int((Double(n) * 0.2667).rounded())  // ≈ 73 % on time
    for k in 0..<n {
        let due = B.day("2025-10-10").advanced(by: (170 * k) / n)
        let late = k < lateBaseline ? 5 : 0
        lines.append(
            B.line(
                "B\(k)", qty: 100, ordered: due.advanced(by: -20).iso, requested: due.iso,
                receipts: [(due.advanced(by: late).iso, 100)]))
    }
    for k in 0..<n {
        let due = B.day("2026-04-05").advanced(by: (80 * k) / n)
        let late = k < lateRecent ? 5 : 0
        lines.append(
            B.line(
                "R\(k)", qty: 100, ordered: due.advanced(by: -20).iso, requested: due.iso,
                receipts: [(due.advanced(by: late).iso, 100)]))
    }
    return lines
}

@Suite struct RiskNoiseTests {
    func otdPoints(_ n: Int) -> Double? {
        let result = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, orderLines: lines(perWindow: n)), asOf: B.day("2026-06-30"))
        return result.risk.signals.first { $0.name == "otd_drop" }?.points
    }

    @Test func aFallWithinTheNoiseOfFifteenLinesScoresNothing() {
        // 14/15 → 11/15: the lower end of Newcombe's interval for the fall is below 0.
        #expect(otdPoints(15) == nil)
    }

    @Test func theSameFallOverSixtyLinesScores() throws {
        // 56/60 → 44/60: the lower end of the interval is above 0: 25 · 0.20 / 0.30 points.
        let points = try #require(otdPoints(60))
        #expect(abs(points - 25 * 0.2 / 0.3) < 1e-9)
    }

    @Test func aFallFromAllToThreeQuartersOnADozenLinesIsNoise() {
        // 12/12 → 9/12: Wilson bounds at z 2 give 75 %–100 % and 59 %–91 %; the difference's lower bound
        // is below 0.
        #expect(
            !PriorityRiskCalculator.significantChange(
                base: 1, recent: 0.75, counts: (base: 12, recent: 12), fall: true, z: 2))
        // The same fall over 60 lines a side is not.
        #expect(
            PriorityRiskCalculator.significantChange(
                base: 1, recent: 0.75, counts: (base: 60, recent: 60), fall: true, z: 2))
    }

    @Test func theStandardErrorOfTwoShares() {
        let error = PriorityRiskCalculator.shareDifferenceError(0.9, 0.7, (base: 50, recent: 50))
        #expect(abs(error - (0.8 * 0.2 * (2.0 / 50)).squareRoot()) < 1e-12)
    }
}
