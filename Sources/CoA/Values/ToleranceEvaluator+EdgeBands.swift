extension ToleranceEvaluator {
    /// Where the edge bands of `spec` begin: values at or below `lower`, or at or above `upper`, are `edge`
    /// (inside the limits). nil on a side with no band. The same definition the verdicts use (including
    /// the ratio-scale rule for a lower limit of 0), so a stored chart draws the bands its verdicts had.
    public func edgeBands(for spec: Specification) -> (lower: Double?, upper: Double?) {
        guard case .success(var limits) = ToleranceLimits.make(spec, edgeFraction: edgeFraction) else {
            return (nil, nil)
        }
        let family = UnitCatalog.unit(spec.unit, aliases: unitAliases)?.family
        limits.lowerBandApplies = ToleranceLimits.lowerBandApplies(lower: limits.lower, family: family)
        return (limits.lowerBandEnd, limits.upperBandStart)
    }
}

extension ToleranceLimits {
    /// A lower limit of exactly 0 on a ratio scale is a formality (nothing lies below it): no band next
    /// to it. Temperatures are not a ratio scale in their usual units; an unknown unit keeps the band.
    static func lowerBandApplies(lower: Double?, family: UnitFamily?) -> Bool {
        guard lower == 0, let family else { return true }
        return family == .temperature
    }
}
