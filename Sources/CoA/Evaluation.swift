import Domain

/// How a reported value was qualified by the supplier.
public enum Qualifier: String, Sendable, Hashable {
    case none
    case lessThan = "<"
    case lessOrEqual = "<="
    case greaterThan = ">"
    case greaterOrEqual = ">="
    /// `ND`, `not detected`, `BLQ`: below the method's detection or quantification limit.
    case notDetected = "not_detected"
}

/// The judgement of one reported result against the specification in force.
public struct Evaluation: Sendable, Hashable {
    /// The number as reported, in the reported unit (the bound for a qualified value).
    public var value: Double?
    public var qualifier: Qualifier
    /// The value converted to the specification's unit.
    public var valueInSpecUnit: Double?
    public var verdict: Verdict
    /// 0 at the lower limit, 1 at the upper; two-sided specifications only.
    public var bandPosition: Double?
    /// The supplier's own stated limits are wider than ours: its release criteria are not ours.
    public var supplierLimitsWider: Bool
    /// Why, for `not_numeric`, `unit_mismatch`, `inconclusive` and `no_spec`.
    public var note: String?

    public init(
        value: Double?, qualifier: Qualifier = .none, valueInSpecUnit: Double?, verdict: Verdict,
        bandPosition: Double? = nil, supplierLimitsWider: Bool = false, note: String? = nil
    ) {
        self.value = value
        self.qualifier = qualifier
        self.valueInSpecUnit = valueInSpecUnit
        self.verdict = verdict
        self.bandPosition = bandPosition
        self.supplierLimitsWider = supplierLimitsWider
        self.note = note
    }
}
