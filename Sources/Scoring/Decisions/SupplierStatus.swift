import Domain

/// The status the run recommends for a supplier (or a supplier × material). The job recommends; it never
/// edits the approved supplier list. Stored as text.
public enum SupplierStatus: String, Sendable, Hashable, CaseIterable {
    /// Too little history to judge: fewer lots or judged due lines than the configuration asks.
    case inQualification = "in_qualification"
    case qualified
    /// Qualified, with warnings open.
    case conditional
    /// Critical flags open, or OTD, PPM or CoA conformance past the probation limits.
    case probation
}

/// A recommended status with its reasons in plain words and figures.
public struct StatusRecommendation: Sendable, Hashable {
    public var supplierId: String
    /// nil: the supplier as a whole.
    public var materialId: String?
    public var status: SupplierStatus
    /// The findings behind the status, worst first, e.g. "2 out-of-tolerance lots of MAT-0031",
    /// "OTD 71 % over 34 lines (95 % upper bound 79 %; probation below 80 %)".
    public var reasons: [String]
    /// The findings behind a status other than qualified, as the actions are derived from them.
    public var findings: [Finding] = []
    /// What to do, for every status but qualified: one sentence derived from the findings.
    public var action: String?
}

/// A status that differs from the previous run's, as one line for people.
public struct StatusChange: Sendable, Hashable {
    public var supplierId: String
    public var materialId: String?
    public var from: SupplierStatus
    public var to: SupplierStatus
    /// e.g. "SUP-0012 qualified → probation: 2 out-of-tolerance lots of MAT-0031, OTD 71 % (probation below 80 %)".
    public var line: String

    /// Changes of `current` against `previous`. Nothing without a previous decision (first run), and
    /// nothing for a material the previous run did not assess.
    public static func changes(previous: PreviousDecision?, current: [StatusRecommendation]) -> [StatusChange]
    {
        guard let previous else { return [] }
        return current.compactMap { rec in
            let before = rec.materialId.map { previous.materialStatuses[$0] } ?? previous.status
            guard let before, before != rec.status else { return nil }
            let scope = rec.supplierId + (rec.materialId.map { " × \($0)" } ?? "")
            let why = rec.reasons.isEmpty ? "" : ": " + rec.reasons.joined(separator: ", ")
            return StatusChange(
                supplierId: rec.supplierId, materialId: rec.materialId, from: before, to: rec.status,
                line: "\(scope) \(before.rawValue) → \(rec.status.rawValue)\(why)")
        }
    }
}
