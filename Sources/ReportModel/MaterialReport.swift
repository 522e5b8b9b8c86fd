/// One material and its approved sources.
public struct MaterialReport: Sendable, Hashable {
    public var materialId: String
    public var name: String
    /// `critical`, `major` or `minor`.
    public var criticality: String
    public var sources: [MaterialSource]
    /// As the run's single-source rule decided it (stored in `material_sourcing`).
    public var isSingleSourced: Bool
    /// Approved or conditional sources, as the rule counted them; nil when the run stored no sourcing.
    public var usableSources: Int?
    /// The minimum the rule asks of this material; nil when none applies (not critical).
    public var requiredSources: Int?

    public init(
        materialId: String, name: String, criticality: String, sources: [MaterialSource],
        isSingleSourced: Bool, usableSources: Int? = nil, requiredSources: Int? = nil
    ) {
        self.materialId = materialId
        self.name = name
        self.criticality = criticality
        self.sources = sources
        self.isSingleSourced = isSingleSourced
        self.usableSources = usableSources
        self.requiredSources = requiredSources
    }
}

/// One supplier on a material's approved supplier list.
public struct MaterialSource: Sendable, Hashable {
    public var supplierId: String
    public var supplierName: String
    /// `approved`, `conditional`, `pending` or `blocked`.
    public var status: String
    public var supplierPartNumber: String?

    public init(supplierId: String, supplierName: String, status: String, supplierPartNumber: String? = nil) {
        self.supplierId = supplierId
        self.supplierName = supplierName
        self.status = status
        self.supplierPartNumber = supplierPartNumber
    }
}
