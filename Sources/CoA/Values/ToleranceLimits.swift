import Domain

/// Our limits for one characteristic in its unit, with the edge bands the verdict rules define.
struct ToleranceLimits: Sendable, Hashable {
    let lower: Double?
    let upper: Double?
    let target: Double?
    let edgeFraction: Double
    /// Comparisons allow 1e-9 of the limits' magnitude, so a decimal value written exactly at a limit or
    /// band boundary counts as on it despite binary rounding (and after unit conversion).
    let slack: Double
    /// False for a lower limit of exactly 0 on a ratio scale (contents, concentrations): nothing can lie
    /// below it, so it is a formality, and the band next to it would call the best results `edge`.
    var lowerBandApplies = true

    /// The limits, or why the specification cannot be used.
    static func make(_ spec: Specification, edgeFraction: Double) -> Result<ToleranceLimits, LimitProblem> {
        let numbers = [spec.lowerLimit, spec.upperLimit, spec.target].compactMap { $0 }
        guard spec.lowerLimit != nil || spec.upperLimit != nil else { return .failure(.noLimits) }
        guard numbers.allSatisfy(InputRange.contains) else { return .failure(.notFinite) }
        if let lower = spec.lowerLimit, let upper = spec.upperLimit, lower > upper {
            return .failure(.inverted(lower, upper))
        }
        let fraction = edgeFraction.isFinite ? min(max(edgeFraction, 0), 0.5) : 0.1
        let magnitude = numbers.map(abs).max() ?? 0
        return .success(
            ToleranceLimits(
                lower: spec.lowerLimit, upper: spec.upperLimit, target: spec.target, edgeFraction: fraction,
                slack: magnitude * 1e-9))
    }

    enum LimitProblem: Error, Hashable {
        case noLimits
        case notFinite
        case inverted(Double, Double)
    }

    /// Values at or below this are in the lower edge band. Two-sided: a fraction of the range.
    /// Lower limit only: a fraction of the distance to the target when the target lies above the limit,
    /// else a fraction of the limit's own magnitude.
    var lowerBandEnd: Double? {
        guard let lower, lowerBandApplies else { return nil }
        if let upper { return lower + edgeFraction * (upper - lower) }
        if let target, target > lower { return lower + edgeFraction * (target - lower) }
        return lower + edgeFraction * abs(lower)
    }

    /// Values at or above this are in the upper edge band (mirror of `lowerBandEnd`).
    var upperBandStart: Double? {
        guard let upper else { return nil }
        if let lower { return upper - edgeFraction * (upper - lower) }
        if let target, target < upper { return upper - edgeFraction * (upper - target) }
        return upper - edgeFraction * abs(upper)
    }

    /// 0 at the lower limit, 1 at the upper; nil unless two-sided with a positive range.
    func bandPosition(_ value: Double) -> Double? {
        guard let lower, let upper, upper > lower else { return nil }
        return (value - lower) / (upper - lower)
    }

    func isBelowLower(_ value: Double) -> Bool { lower.map { value < $0 - slack } ?? false }
    func isAboveUpper(_ value: Double) -> Bool { upper.map { value > $0 + slack } ?? false }

    /// Which edge band a value inside the limits lies in, if any. Band boundaries are inclusive.
    func edgeSide(_ value: Double) -> Side? {
        if let end = lowerBandEnd, value <= end + slack { return .lower }
        if let start = upperBandStart, value >= start - slack { return .upper }
        return nil
    }

    enum Side { case lower, upper }
}
