import Domain
import Foundation

@testable import Scoring

/// Generated characteristic series for the drift detector's power table: σ = 1, specification ±5 (σ a
/// tenth of the tolerance width), edge band |x| ≥ 4, the first 10 lots the baseline, as in production.
struct DriftPowerSimulation {
    enum Values: String, CaseIterable {
        case normal
        /// Lognormal, σ_log 0.25, standardized: skewness 0.78, the long tail toward the upper limit.
        case skewed
        /// Normal values reported on a grid of 0.5 σ (a twentieth of the tolerance).
        case rounded
    }

    var values: Values
    var normal: SeededNormal
    let config = ScoringConfig()

    mutating func noise() -> Double {
        switch values {
        case .normal: return normal.next()
        case .skewed:
            let s = 0.25
            let mean = exp(s * s / 2)
            let sd = ((exp(s * s) - 1) * exp(s * s)).squareRoot()
            return (exp(s * normal.next()) - mean) / sd
        case .rounded: return (normal.next() * 2).rounded() / 2
        }
    }

    mutating func series(_ count: Int, shift: (Int) -> Double = { _ in 0 }) -> [Double] {
        (0..<count).map { noise() + shift($0) }
    }

    static func lots(_ values: [Double]) -> [SeriesLot] {
        values.enumerated().map { i, v in
            let verdict: Verdict = abs(v) > 5 ? .fail : abs(v) >= 4 ? .edge : .pass
            return SeriesLot(lotNumber: "L\(i)", lotDay: Day(daysSinceEpoch: i), value: v, verdict: verdict)
        }
    }

    func drift(_ values: [Double]) -> DriftSeries? {
        DriftSeries(lots: Self.lots(values), lowerLimit: -5, upperLimit: 5, config: config)
    }

    /// The nightly run's decision with `end` the latest lot (what `rules(end:).drifting` decides, cheaper).
    func flagged(_ s: DriftSeries, end: Int) -> Bool {
        s.shiftEvidence(end: end).map { $0.pValue <= config.driftFalseAlarmRate } ?? false
    }

    /// One-sided Welch t-test p-value that `recent` lies above `first`.
    static func welchUpperP(_ first: ArraySlice<Double>, _ recent: ArraySlice<Double>) -> Double {
        func moments(_ xs: ArraySlice<Double>) -> (mean: Double, varianceOfMean: Double, n: Double) {
            let n = Double(xs.count)
            let m = xs.reduce(0, +) / n
            let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
            return (m, v / n, n)
        }
        let a = moments(first)
        let b = moments(recent)
        let se2 = a.varianceOfMean + b.varianceOfMean
        guard se2 > 0 else { return b.mean > a.mean ? 0 : 1 }
        let df =
            se2 * se2
            / (a.varianceOfMean * a.varianceOfMean / (a.n - 1) + b.varianceOfMean * b.varianceOfMean
                / (b.n - 1))
        return StudentT.upperTail((b.mean - a.mean) / se2.squareRoot(), degreesOfFreedom: df)
    }
}
