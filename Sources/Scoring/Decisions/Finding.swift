import Domain

/// One finding behind a status: an open flag, or a figure shown past a limit. The reasons show its
/// text; the action is derived from its kind.
public struct Finding: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case flag(FlagKind)
        case otd, ppm, lotRejection, conformance, capability
        /// Too little history to judge at all.
        case qualification
    }

    public var kind: Kind
    public var materialId: String?
    public var characteristic: String?
    /// critical: probation; warning: conditional; info: in qualification.
    public var severity: Severity
    public var text: String

    public init(
        kind: Kind, materialId: String?, characteristic: String? = nil, severity: Severity, text: String
    ) {
        self.kind = kind
        self.materialId = materialId
        self.characteristic = characteristic
        self.severity = severity
        self.text = text
    }
}
