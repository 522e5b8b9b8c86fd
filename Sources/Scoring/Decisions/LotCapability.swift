import Domain

/// Cpk of one characteristic of a material over its latest lots in the look-back, one value per lot,
/// as the decisions judge it: more lots than the drift rules' recent window (10) where the data has
/// them, so that the bound is narrow enough to decide on.
public struct LotCapability: Sendable, Hashable {
    public var materialId: String
    public var characteristic: String
    public var capability: Capability
    /// The lots the figure is over, oldest first.
    public var firstLotDay: Day?
    public var lastLotDay: Day?

    /// The latest `maxLots` lots of each characteristic of `material` with a judged value (pass, edge or
    /// fail; no-spec, inconclusive and out-of-range results carry no figure to judge), a lot's latest
    /// document winning. Limits are those of the latest lot.
    static func of(
        _ measurements: [LotMeasurement], material: String, maxLots: Int, window: DayWindow,
        sdFloorFraction: Double
    ) -> [LotCapability] {
        var latest: [String: [String: LotMeasurement]] = [:]
        for m in measurements
        where m.materialId == material && window.contains(m.lotDay) && m.value != nil
            && [Verdict.pass, .edge, .fail].contains(m.verdict)
        {
            let key = m.lotNumber
            if let old = latest[m.characteristic]?[key],
                (old.lotDay, old.documentId) > (m.lotDay, m.documentId)
            {
                continue
            }
            latest[m.characteristic, default: [:]][key] = m
        }
        return latest.keys.sorted().compactMap { characteristic in
            let lots = (latest[characteristic] ?? [:]).values
                .sorted { ($0.lotDay, $0.lotNumber) < ($1.lotDay, $1.lotNumber) }
                .suffix(max(2, maxLots))
            guard let last = lots.last else { return nil }
            let values = lots.compactMap(\.value)
            let reference: Double
            if let l = last.lowerLimit, let u = last.upperLimit {
                reference = u - l
            } else {
                reference = abs((last.upperLimit ?? last.lowerLimit ?? 0) - (Stats.mean(values) ?? 0))
            }
            // The drift rules' floor: constant values give a large, finite Cpk, not none.
            let floor = max(sdFloorFraction * reference, 1e-12)
            return LotCapability(
                materialId: material, characteristic: characteristic,
                capability: Capability(
                    values: values, lower: last.lowerLimit, upper: last.upperLimit, sigmaFloor: floor),
                firstLotDay: lots.first?.lotDay, lastLotDay: last.lotDay)
        }
    }

    /// Bissell's bounds at `z` with the count, for judging against a Cpk limit.
    func estimate(z: Double, minimumLots: Int) -> Estimate? {
        guard let cpk = capability.cpk, cpk.isFinite else { return nil }
        let b = Bounds.bissell(cpk: cpk, n: capability.n, z: z)
        return Estimate(
            value: cpk, lower: b.lower, upper: b.upper, n: capability.n, enough: capability.n >= minimumLots)
    }
}
