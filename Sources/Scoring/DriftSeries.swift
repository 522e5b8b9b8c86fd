import Domain
import Foundation

/// The side of the tolerance a series moves toward.
public enum LimitSide: String, Sendable, Hashable {
    case upper, lower
}

/// One lot of a characteristic series: one numeric, judged CoA result.
public struct SeriesLot: Sendable, Hashable {
    public var lotNumber: String
    public var lotDay: Day
    public var value: Double
    public var verdict: Verdict

    public init(lotNumber: String, lotDay: Day, value: Double, verdict: Verdict) {
        self.lotNumber = lotNumber
        self.lotDay = lotDay
        self.value = value
        self.verdict = verdict
    }
}

/// Which drift rules hold when a series is looked at up to one lot (see docs/metrics.md).
public struct DriftRules: Sendable, Hashable {
    /// The latest recent, post-baseline lot (0-based) where the EWMA is beyond its limit toward the
    /// nearer specification limit, and that side.
    public var ewmaIndex: Int?
    public var ewmaSide: LimitSide?
    /// The last lot of the latest run of `trendLots` lots each closer to the same limit.
    public var trendEndIndex: Int?
    public var trendSide: LimitSide?
    /// Edge share up while the mean moved toward the limit by more than two standard errors.
    public var edgeShareSide: LimitSide?
    /// The shift test: the strongest evidence of a move toward the nearer limit (nil before it is asked).
    public var shift: ShiftEvidence?
    /// The false-alarm rate the test is judged at.
    public var falseAlarmRate: Double = 0

    /// The shift test decides; the EWMA, trend and edge-share signals describe what the lots show.
    public var drifting: Bool { shift.map { $0.pValue <= falseAlarmRate } ?? false }
    /// The side the series drifts toward; nil when not drifting.
    public var side: LimitSide? { drifting ? shift?.side : nil }
}

/// A characteristic series with its baseline and EWMA computed once, so that the rules can be asked
/// at any lot (the nightly run asks at the last lot; the simulation at every lot).
///
/// Drift is decided by the shift test (`ShiftTest.swift`), which uses every lot. The chart is the
/// textbook EWMA centred on the baseline mean with the test's σ (pooled over the whole history), its
/// limits including the uncertainty of a baseline mean from only ten lots (σ²/m added to the EWMA
/// variance). Reasons and simulated figures in docs/metrics.md.
public struct DriftSeries: Sendable {
    public let lots: [SeriesLot]
    public let lowerLimit: Double?
    public let upperLimit: Double?
    public let config: ScoringConfig
    /// The first `baselineLots` lots (fewer when the series is shorter).
    public let baselineCount: Int
    public let baselineMean: Double
    /// Sample standard deviation of the baseline lots (nil below two lots).
    public let baselineSD: Double?
    /// The baseline standard deviation, at least the floor (the chart's σ until lots follow the baseline).
    public let sigma: Double
    public let sigmaFloor: Double
    /// EWMA after each lot, starting from the baseline mean.
    public let ewma: [Double]
    // Prefix sums of d = value − baseline mean, d², i·d and edge verdicts; runs of rises and falls.
    let sum: [Double]
    let sumSquares: [Double]
    let indexedSum: [Double]
    private let edges: [Int]
    private let rises: [Int]
    private let falls: [Int]

    /// nil when the series is empty or has no specification limit.
    public init?(lots: [SeriesLot], lowerLimit: Double?, upperLimit: Double?, config: ScoringConfig) {
        guard !lots.isEmpty, lowerLimit != nil || upperLimit != nil else { return nil }
        self.lots = lots
        self.lowerLimit = lowerLimit
        self.upperLimit = upperLimit
        self.config = config
        baselineCount = min(max(config.baselineLots, 2), lots.count)
        let baseline = lots.prefix(baselineCount).map(\.value)
        let centre = Stats.mean(baseline) ?? 0
        baselineMean = centre
        baselineSD = Stats.sampleSD(baseline)
        let reference: Double
        if let lowerLimit, let upperLimit {
            reference = upperLimit - lowerLimit
        } else {
            reference = abs((upperLimit ?? lowerLimit ?? 0) - centre)
        }
        // A constant baseline (sd 0) would make every change a signal: floor it, see docs/metrics.md.
        sigmaFloor = max(config.sdFloorFraction * reference, 1e-12)
        sigma = max(baselineSD ?? 0, sigmaFloor)
        ewma = EWMAChart(lambda: config.ewmaLambda, sigmaMultiple: config.ewmaL, centre: centre, sigma: sigma)
            .run(lots.map(\.value)).map(\.ewma)
        var sum = [0.0]
        var sumSquares = [0.0]
        var indexedSum = [0.0]
        var edges = [0]
        var rises = [0]
        var falls = [0]
        for (i, lot) in lots.enumerated() {
            let d = lot.value - centre
            sum.append(sum[i] + d)
            sumSquares.append(sumSquares[i] + d * d)
            indexedSum.append(indexedSum[i] + Double(i) * d)
            edges.append(edges[i] + (lot.verdict == .edge ? 1 : 0))
            if i > 0 {
                rises.append(lot.value > lots[i - 1].value ? rises[i - 1] + 1 : 0)
                falls.append(lot.value < lots[i - 1].value ? falls[i - 1] + 1 : 0)
            }
        }
        self.sum = sum
        self.sumSquares = sumSquares
        self.indexedSum = indexedSum
        self.edges = edges
        self.rises = rises
        self.falls = falls
    }

    /// Whether moving toward `side` at `value` means moving toward the nearer specification limit.
    public func isTowardNearerLimit(_ side: LimitSide, at value: Double) -> Bool {
        switch side {
        case .upper:
            guard let u = upperLimit else { return false }
            return lowerLimit.map { u - value <= value - $0 } ?? true
        case .lower:
            guard let l = lowerLimit else { return false }
            return upperLimit.map { value - l <= $0 - value } ?? true
        }
    }

    /// Lots after the baseline exist: the rules can be asked.
    public var isMonitored: Bool { lots.count > baselineCount }

    /// The first lot of the recent window when looking at the series up to lot `end`.
    public func recentStart(end: Int) -> Int { max(0, end - config.recentLots + 1) }

    /// Mean of lots `from...to`.
    public func mean(from: Int, to: Int) -> Double {
        baselineMean + (sum[to + 1] - sum[from]) / Double(to - from + 1)
    }

    /// Sample standard deviation of lots `from...to` (0 for one lot).
    public func sd(from: Int, to: Int) -> Double {
        let n = Double(to - from + 1)
        guard n >= 2 else { return 0 }
        let s = sum[to + 1] - sum[from]
        let ss = sumSquares[to + 1] - sumSquares[from]
        return max(0, (ss - s * s / n) / (n - 1)).squareRoot()
    }

    /// Edge verdicts among lots `from...to`.
    public func edgeCount(from: Int, to: Int) -> Int { edges[to + 1] - edges[from] }

    /// The σ the chart uses when lot `end` is the latest: the shift test's pooled σ.
    public func chartSigma(end: Int) -> Double { pooledSigma(end: end) }

    /// Half-width of the control limits at lot `index` (0-based) with the chart σ `s`.
    public func halfWidth(at index: Int, sigma s: Double) -> Double {
        let lambda = config.ewmaLambda
        let decay = pow(1 - lambda, Double(2 * (index + 1)))
        var variance = lambda / (2 - lambda) * (1 - decay)
        if config.ewmaBaselineMeanCorrection { variance += 1 / Double(baselineCount) }
        return config.ewmaL * s * variance.squareRoot()
    }

    /// The rules as a run would see them when `end` (0-based) is the latest lot.
    public func rules(end: Int) -> DriftRules {
        var r = DriftRules()
        guard end >= baselineCount, end < lots.count else { return r }
        let s = chartSigma(end: end)
        for i in max(recentStart(end: end), baselineCount)...end {
            let h = halfWidth(at: i, sigma: s)
            if ewma[i] > baselineMean + h, isTowardNearerLimit(.upper, at: ewma[i]) {
                r.ewmaIndex = i
                r.ewmaSide = .upper
            } else if ewma[i] < baselineMean - h, isTowardNearerLimit(.lower, at: ewma[i]) {
                r.ewmaIndex = i
                r.ewmaSide = .lower
            }
        }
        if let side = trend(endingAt: end, sigma: s) {
            r.trendEndIndex = end
            r.trendSide = side
        }
        r.edgeShareSide = edgeShareRule(end: end, sigma: s)
        r.shift = shiftEvidence(end: end)
        r.falseAlarmRate = config.driftFalseAlarmRate
        return r
    }

    /// The first lot at which a run would raise the drift flag.
    public func firstFlagIndex() -> Int? {
        guard isMonitored else { return nil }
        return (baselineCount..<lots.count).first { rules(end: $0).drifting }
    }

    /// The latest `trendLots` lots, each strictly closer to the same (nearer) limit than the one
    /// before, ending more than one σ from the baseline mean toward that limit.
    func trend(endingAt end: Int, sigma s: Double) -> LimitSide? {
        let k = config.trendLots
        guard k >= 2, end - k + 1 >= 0 else { return nil }
        let last = lots[end].value
        if rises[end] >= k - 1, last > baselineMean + s, isTowardNearerLimit(.upper, at: last) {
            return .upper
        }
        if falls[end] >= k - 1, last < baselineMean - s, isTowardNearerLimit(.lower, at: last) {
            return .lower
        }
        return nil
    }

    /// Edge share of the recent lots above the baseline's while the recent mean moved toward the nearer
    /// limit by more than `edgeShiftStandardErrors` standard errors.
    func edgeShareRule(end: Int, sigma s: Double) -> LimitSide? {
        let from = recentStart(end: end)
        let nr = Double(end - from + 1)
        let nb = Double(baselineCount)
        let recentEdge = Double(edgeCount(from: from, to: end)) / nr
        let baseEdge = Double(edgeCount(from: 0, to: baselineCount - 1)) / nb
        guard recentEdge > baseEdge else { return nil }
        let recentMean = mean(from: from, to: end)
        let se = (s * s / nb + s * s / nr).squareRoot()
        let shift = recentMean - baselineMean
        guard abs(shift) > config.edgeShiftStandardErrors * se else { return nil }
        let side: LimitSide = shift > 0 ? .upper : .lower
        return isTowardNearerLimit(side, at: recentMean) ? side : nil
    }
}
