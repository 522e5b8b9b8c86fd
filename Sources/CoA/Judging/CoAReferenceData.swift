import Domain

/// Reference data the intake checks every document against, loaded once per run (Store's
/// `CoADocumentStore.referenceData()`): our suppliers, materials, approved part numbers and specifications.
public struct CoAReferenceData: Sendable {
    public var supplierIds: Set<String>
    public var materialIds: Set<String>
    /// supplier id → supplier part number → our material id (`procurement.approved_sources`).
    public var partNumbers: [String: [String: String]]
    /// material id → characteristic → versions.
    public var specifications: [String: [String: [Specification]]]

    public init(
        supplierIds: Set<String> = [], materialIds: Set<String> = [],
        partNumbers: [String: [String: String]] = [:],
        specifications: [String: [String: [Specification]]] = [:]
    ) {
        self.supplierIds = supplierIds
        self.materialIds = materialIds
        self.partNumbers = partNumbers
        self.specifications = specifications
    }

    /// The version in force on `day`.
    public func specification(material: String, characteristic: String, on day: Day) -> Specification? {
        specifications[material]?[characteristic]?.first { $0.isInForce(on: day) }
    }
}
