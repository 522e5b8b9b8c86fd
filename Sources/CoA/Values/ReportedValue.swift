/// A reported value as the supplier wrote it, read into a number, a bound, a non-detect or a textual
/// statement. Reading never judges: the `ToleranceEvaluator` does that against a specification.
public struct ReportedValue: Sendable, Hashable {
    /// What kind of statement the text makes.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A number, possibly qualified (`99.62`, `<0.05`, `max. 0,5`).
        case numeric
        /// `ND`, `not detected`, `BLQ`, `<LOQ`: below the method's detection or quantification limit.
        /// `number` holds that limit when the text states it (`ND (<0.1)`).
        case notDetected = "not_detected"
        /// A word saying the result conforms: `conforms`, `complies`, `pass`, `absent`, `negative`.
        case textualPass = "textual_pass"
        /// A word saying the result does not conform: `fails`, `does not conform`, `out of spec`.
        case textualFail = "textual_fail"
        /// Other text (`white powder`, `positive`): a description, not a judgement.
        case textual
        /// Empty, malformed (`1.2.3`, `12,34` under a decimal-point convention) or not a finite number
        /// (`NaN`, `inf`).
        case unparseable
        /// A number the product cannot judge (``Domain/InputRange``): magnitude above 1e12, non-zero
        /// below 1e-12, or beyond what a double holds (`1e400`, `1e-400`, thousands of digits).
        /// `number` is nil: nothing downstream computes with it.
        case outOfRange = "out_of_range"
    }

    public var kind: Kind
    /// `.notDetected` for non-detects; the comparison read for numeric values; `.none` otherwise.
    public var qualifier: Qualifier
    /// The number (the bound for a qualified value, the detection limit for a non-detect), in the unit
    /// the supplier reported. nil for textual and unparseable values and for a non-detect without limit.
    public var number: Double?
    /// Text that followed the number in the value itself (`0.5 %` gives `%`), for the evaluator to
    /// reconcile with the result's unit. nil when there was none.
    public var unitText: String?

    public init(kind: Kind, qualifier: Qualifier = .none, number: Double? = nil, unitText: String? = nil) {
        self.kind = kind
        self.qualifier = qualifier
        self.number = number
        self.unitText = unitText
    }

    /// Whether the text is something to judge numerically (a number or a non-detect).
    public var isNumeric: Bool { kind == .numeric || kind == .notDetected }

    /// A textual result stating conformance (`conforms`, `pass`): not judged numerically, but the
    /// marker lets reports tell "the supplier says it passes" from other text.
    public var isTextualPass: Bool { kind == .textualPass }

    static let unparseable = ReportedValue(kind: .unparseable)
}
