/// The numbers and days the product can judge. A value outside is named (a CoA result's note, an input
/// anomaly) and kept out of the figures, never computed with: beyond these magnitudes a float8 has lost
/// the digits a tolerance needs, and integer conversions in counts and messages would overflow.
public enum InputRange {
    /// The largest magnitude judged: a CoA value, a specification limit, a quantity, a price.
    public static let largestMagnitude = 1e12
    /// The smallest non-zero magnitude judged (a concentration in g/g, `1e-9`, is well inside).
    public static let smallestMagnitude = 1e-12
    /// The earliest plausible day of an ERP date; before it a date is a placeholder (`1900-01-01`).
    public static let earliestDay = Day(year: 1970, month: 1, day: 1)
    /// How far past the as-of day a requested, promised or valid-until date may lie.
    public static let latestDaysAfterAsOf = 3_653

    /// Finite and zero, or between the smallest and the largest magnitude.
    public static func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        let magnitude = abs(value)
        return magnitude == 0 || (magnitude >= smallestMagnitude && magnitude <= largestMagnitude)
    }

    /// The range in words, for notes: "magnitude 1e-12 to 1e12, or 0".
    public static let judgedText = "magnitude 1e-12 to 1e12, or 0"

    /// The latest plausible day for a run as of `asOf`.
    public static func latestDay(asOf: Day) -> Day { asOf.advanced(by: latestDaysAfterAsOf) }

    /// Why `value` cannot be judged, for a note or an anomaly; nil when it can.
    public static func problem(_ value: Double) -> String? {
        if value.isNaN { return "not a number" }
        if !value.isFinite { return "not finite" }
        if abs(value) > largestMagnitude { return "magnitude above 1e12" }
        if value != 0, abs(value) < smallestMagnitude { return "non-zero magnitude below 1e-12" }
        return nil
    }
}
