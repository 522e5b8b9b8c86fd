/// A value the document gave that could not be turned into its field: kept with the certificate, so
/// nothing the supplier wrote is dropped without a trace (an unreadable manufacture date changes which
/// specification is in force).
public struct ExtractionWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The field as the profile names it: `manufactured`, `lotQuantity`, `results[0].upper`.
    public var field: String
    /// What the document said, quoted and cut for display (`'02.13.2026'`).
    public var written: String
    /// Why it could not be read, and what was done instead.
    public var problem: String

    public init(field: String, written: String, problem: String) {
        self.field = field
        self.written = ValueExcerpt.quoted(written)
        self.problem = problem
    }

    public var description: String { "\(field): \(written) \(problem)" }
}
