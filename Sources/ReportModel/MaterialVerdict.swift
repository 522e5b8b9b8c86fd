/// The stored verdict of one supplier × material, as its supplier page lists it.
public struct MaterialVerdict: Sendable, Hashable {
    public var materialId: String
    /// `in_qualification`, `qualified`, `conditional`, `probation`; nil when not assessed.
    public var status: String?
    public var reasons: [String]
    /// `ready`, `not_ready`, `too_few_to_judge`; nil when not assessed.
    public var readiness: String?
    /// The readiness conditions not met, in words.
    public var missing: [String]
    public var inspectionLevel: String?
    public var skipLot: Bool
    /// What to do; nil when qualified.
    public var action: String?

    public init(
        materialId: String, status: String?, reasons: [String] = [], readiness: String?,
        missing: [String] = [], inspectionLevel: String?, skipLot: Bool = false, action: String?
    ) {
        self.materialId = materialId
        self.status = status
        self.reasons = reasons
        self.readiness = readiness
        self.missing = missing
        self.inspectionLevel = inspectionLevel
        self.skipLot = skipLot
        self.action = action
    }
}
