import Domain

/// Capability and drift of one supplier × material × characteristic series as of the run's day,
/// stored with the run. Lots are in lot-day order; "recent" is the last `recentLots` lots.
public struct CharacteristicCapability: Sendable, Hashable {
    public var supplierId: String
    public var materialId: String
    public var characteristic: String
    public var unit: String?
    /// Limits of the specification on the latest lot (the one in force now).
    public var lowerLimit: Double?
    public var upperLimit: Double?
    public var lots: Int
    public var firstLotDay: Day
    public var lastLotDay: Day
    public var baseline: Capability
    public var recent: Capability
    /// The σ the shift test and the EWMA chart use at the latest lot (see `DriftSeries`).
    public var sigmaUsed: Double
    public var edgeShareBaseline: Double
    public var edgeShareRecent: Double
    /// Lots after the baseline exist, so the drift rules were asked.
    public var monitored: Bool
    /// EWMA at the latest lot and its exact limits there.
    public var ewma: Double?
    public var ewmaLowerLimit: Double?
    public var ewmaUpperLimit: Double?
    /// The latest recent lot whose EWMA is beyond the limit toward the nearer specification limit.
    public var ewmaSignalLot: String?
    /// The last lot of the latest run of six lots each closer to the same limit.
    public var trendSignalLot: String?
    public var edgeShareSignal: Bool
    /// Toward which limit the series drifts; nil when no rule fired.
    public var driftDirection: LimitSide?
    /// Least-squares slope of the recent lots, per lot.
    public var recentSlopePerLot: Double?
    /// Lots until the fitted recent line reaches the limit it moves toward; nil when moving away
    /// from the nearer limit (or flat); 0 when already there.
    public var projectedLotsToLimit: Double?
    /// The shift test at the latest lot, whether or not it flags: its p-value (the false-alarm rate at
    /// which the series would be flagged), the contrast that gave it, and how far the recent lots moved
    /// from the baseline in σ. nil before the test is asked or when nothing moved toward a nearer limit.
    public var driftPValue: Double?
    public var driftTest: ShiftContrast?
    public var driftShiftSigmas: Double?

    public var drifting: Bool { driftDirection != nil }
}

extension CharacteristicCapability {
    init(series s: DriftSeries, supplierId: String, materialId: String, characteristic: String, unit: String?)
    {
        let n = s.lots.count
        let recentSlice = s.lots[s.recentStart(end: n - 1)...]
        let baselineSlice = s.lots.prefix(s.baselineCount)
        let rules = s.rules(end: n - 1)
        func share(_ lots: ArraySlice<SeriesLot>) -> Double {
            Double(lots.filter { $0.verdict == .edge }.count) / Double(max(lots.count, 1))
        }
        let recentValues = recentSlice.map(\.value)
        let slope = Stats.slope(recentValues)
        self.init(
            supplierId: supplierId, materialId: materialId, characteristic: characteristic, unit: unit,
            lowerLimit: s.lowerLimit, upperLimit: s.upperLimit, lots: n,
            firstLotDay: s.lots[0].lotDay, lastLotDay: s.lots[n - 1].lotDay,
            baseline: Capability(
                values: baselineSlice.map(\.value), lower: s.lowerLimit, upper: s.upperLimit,
                sigmaFloor: s.sigmaFloor),
            recent: Capability(
                values: recentValues, lower: s.lowerLimit, upper: s.upperLimit, sigmaFloor: s.sigmaFloor),
            sigmaUsed: s.chartSigma(end: n - 1), edgeShareBaseline: share(baselineSlice),
            edgeShareRecent: share(recentSlice),
            monitored: s.isMonitored, ewma: s.ewma.last,
            ewmaLowerLimit: s.baselineMean - s.halfWidth(at: n - 1, sigma: s.chartSigma(end: n - 1)),
            ewmaUpperLimit: s.baselineMean + s.halfWidth(at: n - 1, sigma: s.chartSigma(end: n - 1)),
            ewmaSignalLot: rules.ewmaIndex.map { s.lots[$0].lotNumber },
            trendSignalLot: rules.trendEndIndex.map { s.lots[$0].lotNumber },
            edgeShareSignal: rules.edgeShareSide != nil, driftDirection: rules.side,
            recentSlopePerLot: slope,
            projectedLotsToLimit: Self.projection(series: s, recent: recentValues, slope: slope),
            driftPValue: rules.shift?.pValue, driftTest: rules.shift?.contrast,
            driftShiftSigmas: rules.shift?.shiftSigmas)
    }

    /// Extends the least-squares line of the recent lots from its value at the latest lot.
    static func projection(series s: DriftSeries, recent: [Double], slope: Double?) -> Double? {
        guard let slope, slope != 0, let mean = Stats.mean(recent) else { return nil }
        let fittedLast = mean + slope * Double(recent.count - 1) / 2
        let side: LimitSide = slope > 0 ? .upper : .lower
        guard s.isTowardNearerLimit(side, at: fittedLast) else { return nil }
        let limit = side == .upper ? s.upperLimit : s.lowerLimit
        guard let limit else { return nil }
        return max(0, (limit - fittedLast) / slope)
    }
}
