/// The judgement of one reported CoA result against our specification in force.
/// Stored as text in `scorecard.coa_measurements.verdict`.
public enum Verdict: String, Sendable, Hashable, CaseIterable, Codable {
    /// Inside the tolerance and outside the edge bands.
    case pass
    /// Inside the tolerance but in its outer band (default: outer 10 % of the range).
    case edge
    /// Outside the tolerance.
    case fail
    /// No specification in force for this material and characteristic on the lot's date.
    case noSpec = "no_spec"
    /// The reported unit is unknown or not convertible to the specification's unit.
    case unitMismatch = "unit_mismatch"
    /// A textual result (`conforms`, `pass`) where a number was expected, or an unparseable value.
    case notNumeric = "not_numeric"
    /// A qualified value (`<0.5`) that cannot be judged against the limit (e.g. upper limit 0.1).
    case inconclusive

    /// Whether this verdict counts in conformance rates (numeric verdicts only).
    public var isNumericJudgement: Bool { self == .pass || self == .edge || self == .fail }
}
