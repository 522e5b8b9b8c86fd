/// A finding that needs a person's attention, with the evidence to act on it.
public struct Flag: Sendable, Hashable, Codable {
    public var supplierId: String?
    public var materialId: String?
    public var characteristic: String?
    public var kind: FlagKind
    public var severity: Severity
    /// One sentence with the figures, e.g. "On-time delivery fell from 96 % to 71 % while monthly volume grew 4.8×".
    public var message: String
    /// The numbers, lots and dates behind the message (stored as jsonb).
    public var evidence: JSONValue
    /// The lots the finding is about (a series' signal lots, its out-of-tolerance lots), also in the
    /// evidence as `flagged_lots`: a control chart marks exactly these.
    public var lots: [String]

    public init(
        supplierId: String?, materialId: String? = nil, characteristic: String? = nil, kind: FlagKind,
        severity: Severity, message: String, evidence: JSONValue = .object([:]), lots: [String] = []
    ) {
        self.supplierId = supplierId
        self.materialId = materialId
        self.characteristic = characteristic
        self.kind = kind
        self.severity = severity
        self.message = message
        self.evidence = evidence
        self.lots = lots
        if !lots.isEmpty, case .object(var fields) = evidence {
            fields["flagged_lots"] = .array(lots.map { .string($0) })
            self.evidence = .object(fields)
        }
    }
}
