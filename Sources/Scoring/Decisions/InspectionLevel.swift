import Domain

/// The severity of incoming inspection of a supplier × material (ISO 2859-1 switching rules).
/// Stored as text.
public enum InspectionLevel: String, Sendable, Hashable, CaseIterable {
    case normal, tightened, reduced
    /// Acceptance under the standard stops until the supplier has acted (ISO 2859-1:1999, 9.4).
    case discontinue
}

/// One lot in the switching sequence: how it was inspected and where it leaves the rules.
public struct InspectionStep: Sendable, Hashable {
    public var lot: String
    public var receivedOn: Day
    public var accepted: Bool
    /// The level this lot was inspected at.
    public var level: InspectionLevel
    /// The switching score after this lot (kept under normal inspection only; 0 otherwise).
    public var switchingScore: Int
    /// The level for the next lot.
    public var nextLevel: InspectionLevel
    /// Why the level changed at this lot (or why the score restarted); nil when nothing happened.
    public var note: String?
}

/// The recommended inspection level of one supplier × material, with the sequence that led to it.
public struct InspectionRecommendation: Sendable, Hashable {
    public var supplierId: String
    public var materialId: String
    /// The level for the next lot; `normal` when there are no lots.
    public var level: InspectionLevel
    /// ISO 2859-3 skip-lot candidate (see docs/decisions.md for the criteria used).
    public var skipLotCandidate: Bool
    public var switchingScore: Int
    public var lots: Int
    public var rejectedLots: Int
    /// Consecutive accepted lots up to the latest.
    public var acceptedStreak: Int
    /// Plain-words reasons: the last switch and, for skip-lot, what qualifies or not.
    public var reasons: [String]
    public var steps: [InspectionStep]
}
