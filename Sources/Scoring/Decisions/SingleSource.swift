import Domain

/// `single_source`: across suppliers, each critical material with fewer than `minimumSources` approved
/// or conditional sources, raised once per material.
public struct SingleSourceCheck: Sendable {
    public var config: DecisionConfig

    public init(config: DecisionConfig) {
        self.config = config
    }

    /// One flag per critical material short of usable sources, ordered by material. The flag names the
    /// one usable supplier (its `supplierId`); with none, `supplierId` is nil and the severity critical.
    /// Critical materials are those marked critical in `criticality`; a critical material with no entry in
    /// `sources` at all has no source and is flagged too.
    public func flags(sources: [ApprovedSource], criticality: [String: MaterialCriticality]) -> [Flag] {
        let byMaterial = Dictionary(grouping: sources, by: \.materialId)
        let critical = criticality.filter { $0.value == .critical }.keys.sorted()
        return critical.compactMap { material in
            let all = (byMaterial[material] ?? []).sorted { $0.supplierId < $1.supplierId }
            let usable = all.filter(\.status.isUsable)
            guard usable.count < config.minimumSources else { return nil }
            let others = all.filter { !$0.status.isUsable }
            var message: String
            if let one = usable.first, usable.count == 1 {
                message =
                    "\(material) is critical and has one approved or conditional source: \(one.supplierId) "
                    + "(\(one.status.rawValue)\(one.supplierPartNumber.map { ", part \($0)" } ?? ""))"
            } else {
                message =
                    "\(material) is critical and has \(usable.count) approved or conditional sources"
                    + (usable.isEmpty ? "" : ": " + usable.map(\.supplierId).joined(separator: ", "))
            }
            if !others.isEmpty {
                message +=
                    "; also listed but not usable: "
                    + others.map { "\($0.supplierId) (\($0.status.rawValue))" }.joined(separator: ", ")
            }
            message += "; \(config.minimumSources) needed."
            let evidence: JSONValue = .object([
                "material_id": .string(material), "criticality": "critical",
                "usable_sources": .number(Double(usable.count)),
                "required_sources": .number(Double(config.minimumSources)),
                "sources": .array(
                    all.map {
                        .object([
                            "supplier_id": .string($0.supplierId), "status": .string($0.status.rawValue),
                            "supplier_part_number": .string($0.supplierPartNumber),
                        ])
                    }),
            ])
            return Flag(
                supplierId: usable.count == 1 ? usable.first?.supplierId : nil, materialId: material,
                kind: .singleSource, severity: usable.isEmpty ? .critical : .warning, message: message,
                evidence: evidence)
        }
    }
}
