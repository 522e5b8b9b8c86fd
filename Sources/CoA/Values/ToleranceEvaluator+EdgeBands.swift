extension ToleranceEvaluator {
    /// Where the edge bands of `spec` begin: values at or below `lower`, or at or above `upper`, are `edge`
    /// (inside the limits). nil on a side with no band. The same definition the verdicts use, for charts.
    public func edgeBands(for spec: Specification) -> (lower: Double?, upper: Double?) {
        guard case .success(let limits) = ToleranceLimits.make(spec, edgeFraction: edgeFraction) else {
            return (nil, nil)
        }
        return (limits.lowerBandEnd, limits.upperBandStart)
    }
}
