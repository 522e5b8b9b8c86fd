import Domain

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

    public var drifting: Bool { ewmaIndex != nil || trendEndIndex != nil || edgeShareSide != nil }
    /// The side of the strongest rule that fired: EWMA, then trend, then edge share.
    public var side: LimitSide? { ewmaSide ?? trendSide ?? edgeShareSide }
}

/// A characteristic series with its baseline and EWMA chart computed once, so that the rules can be
/// asked at any lot (the nightly run asks at the last lot; the simulation at every lot).
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
    /// The standard deviation the chart uses: the baseline's, but at least the floor.
    public let sigma: Double
    public let sigmaFloor: Double
    public let chart: EWMAChart
    public let points: [EWMAChart.Point]

    /// nil when the series is empty or has no specification limit.
    public init?(lots: [SeriesLot], lowerLimit: Double?, upperLimit: Double?, config: ScoringConfig) {
        guard !lots.isEmpty, lowerLimit != nil || upperLimit != nil else { return nil }
        self.lots = lots
        self.lowerLimit = lowerLimit
        self.upperLimit = upperLimit
        self.config = config
        baselineCount = min(max(config.baselineLots, 2), lots.count)
        let baseline = lots.prefix(baselineCount).map(\.value)
        baselineMean = Stats.mean(baseline) ?? 0
        baselineSD = Stats.sampleSD(baseline)
        let reference: Double
        if let lowerLimit, let upperLimit {
            reference = upperLimit - lowerLimit
        } else {
            reference = abs((upperLimit ?? lowerLimit ?? 0) - baselineMean)
        }
        // A constant baseline (sd 0) would make every change a signal: floor it, see docs/metrics.md.
        sigmaFloor = max(config.sdFloorFraction * reference, 1e-12)
        sigma = max(baselineSD ?? 0, sigmaFloor)
        chart = EWMAChart(
            lambda: config.ewmaLambda, sigmaMultiple: config.ewmaL, centre: baselineMean, sigma: sigma)
        points = chart.run(lots.map(\.value))
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

    /// The rules as a run would see them when `end` (0-based) is the latest lot.
    public func rules(end: Int) -> DriftRules {
        var r = DriftRules()
        guard end >= baselineCount, end < lots.count else { return r }
        let first = max(recentStart(end: end), baselineCount)
        for i in first...end {
            let p = points[i]
            if p.ewma > p.upperLimit, isTowardNearerLimit(.upper, at: p.ewma) {
                r.ewmaIndex = i
                r.ewmaSide = .upper
            } else if p.ewma < p.lowerLimit, isTowardNearerLimit(.lower, at: p.ewma) {
                r.ewmaIndex = i
                r.ewmaSide = .lower
            }
            if let side = trend(endingAt: i) {
                r.trendEndIndex = i
                r.trendSide = side
            }
        }
        r.edgeShareSide = edgeShareRule(end: end)
        return r
    }

    /// The first lot at which a run would raise the drift flag.
    public func firstFlagIndex() -> Int? {
        guard isMonitored else { return nil }
        return (baselineCount..<lots.count).first { rules(end: $0).drifting }
    }

    /// `trendLots` lots ending at `end`, each strictly closer to the same limit than the one before.
    func trend(endingAt end: Int) -> LimitSide? {
        let k = config.trendLots
        guard k >= 2, end - k + 1 >= 0 else { return nil }
        let run = lots[(end - k + 1)...end].map(\.value)
        let pairs = zip(run, run.dropFirst())
        if pairs.allSatisfy({ $0 < $1 }), isTowardNearerLimit(.upper, at: run[k - 1]) { return .upper }
        if pairs.allSatisfy({ $0 > $1 }), isTowardNearerLimit(.lower, at: run[k - 1]) { return .lower }
        return nil
    }

    func edgeShareRule(end: Int) -> LimitSide? {
        let recent = lots[recentStart(end: end)...end]
        let baseline = lots.prefix(baselineCount)
        let recentEdge = Double(recent.filter { $0.verdict == .edge }.count) / Double(recent.count)
        let baseEdge = Double(baseline.filter { $0.verdict == .edge }.count) / Double(baseline.count)
        guard recentEdge > baseEdge, let recentMean = Stats.mean(recent.map(\.value)) else { return nil }
        let sr = max(Stats.sampleSD(recent.map(\.value)) ?? 0, sigmaFloor)
        let se = (sigma * sigma / Double(baseline.count) + sr * sr / Double(recent.count)).squareRoot()
        let shift = recentMean - baselineMean
        guard abs(shift) > 2 * se else { return nil }
        let side: LimitSide = shift > 0 ? .upper : .lower
        return isTowardNearerLimit(side, at: recentMean) ? side : nil
    }
}
