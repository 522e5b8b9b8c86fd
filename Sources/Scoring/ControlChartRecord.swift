import Domain

/// What a control chart of one supplier × material × characteristic series shows, computed once by the
/// run with the settings it used and stored with it, so the pages draw exactly what the flags were
/// judged on (the EWMA, its limits at each lot, the centre and σ, the edge bands of the verdicts).
public struct ControlChartRecord: Sendable, Hashable {
    public var supplierId: String
    public var materialId: String
    public var characteristic: String
    public var unit: String?
    /// The specification in force on the latest lot.
    public var lowerLimit: Double?
    public var upperLimit: Double?
    public var target: Double?
    /// Where the edge bands begin (the band is `lowerLimit...edgeLower` and `edgeUpper...upperLimit`), as
    /// the verdicts define them; filled by the run, which knows the configured tolerance rules.
    public var edgeLower: Double?
    public var edgeUpper: Double?
    /// The EWMA's centre (the small-batch baseline mean) and the σ of its limits at the latest lot.
    public var centre: Double
    public var sigma: Double
    public var lambda: Double
    public var sigmaMultiple: Double
    /// The series' latest lots, oldest first (at most `ScoringConfig.chartLots`).
    public var points: [Point]

    public struct Point: Sendable, Hashable {
        public var lotNumber: String
        public var lotDay: Day
        public var value: Double
        public var verdict: Verdict
        public var ewma: Double
        public var ewmaLower: Double
        public var ewmaUpper: Double
        /// A stored flag of this series names the lot (see `Flag.lots`).
        public var flagged: Bool
    }
}

extension ControlChartRecord {
    /// The chart of `series` as the drift rules saw it at its latest lot: the limits use the chart σ of
    /// that look, so the line drawn is the one the EWMA rule compared against.
    init(
        series s: DriftSeries, supplierId: String, materialId: String, characteristic: String, unit: String?,
        target: Double?, lots: Int
    ) {
        let end = s.lots.count - 1
        let sigma = s.chartSigma(end: end)
        let start = max(0, s.lots.count - max(lots, 1))
        self.init(
            supplierId: supplierId, materialId: materialId, characteristic: characteristic, unit: unit,
            lowerLimit: s.lowerLimit, upperLimit: s.upperLimit, target: target, edgeLower: nil,
            edgeUpper: nil,
            centre: s.baselineMean, sigma: sigma, lambda: s.config.ewmaLambda, sigmaMultiple: s.config.ewmaL,
            points: s.lots.indices.dropFirst(start).map { i in
                let h = s.halfWidth(at: i, sigma: sigma)
                return Point(
                    lotNumber: s.lots[i].lotNumber, lotDay: s.lots[i].lotDay, value: s.lots[i].value,
                    verdict: s.lots[i].verdict, ewma: s.ewma[i], ewmaLower: s.baselineMean - h,
                    ewmaUpper: s.baselineMean + h, flagged: false)
            })
    }

    /// Marks the lots that `flags` name for this series; every other lot stays unmarked.
    mutating func markFlaggedLots(_ flags: [Flag]) {
        let named = Set(
            flags.filter { $0.materialId == materialId && $0.characteristic == characteristic }.flatMap(
                \.lots))
        for i in points.indices { points[i].flagged = named.contains(points[i].lotNumber) }
    }
}

extension Array where Element == ControlChartRecord {
    /// The charts with the lots `flags` name marked, once every flag of the supplier is known.
    public func markingFlaggedLots(_ flags: [Flag]) -> [ControlChartRecord] {
        map { chart in
            var marked = chart
            marked.markFlaggedLots(flags)
            return marked
        }
    }
}
