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
        return sourcing(sources: sources, criticality: criticality).filter(\.singleSourced).map { sourcing in
            let material = sourcing.materialId
            let all = (byMaterial[material] ?? []).sorted { $0.supplierId < $1.supplierId }
            let usable = all.filter(\.status.isUsable)
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

    /// Every material's sourcing as the `single_source` rule sees it, ordered by material: the one
    /// definition the flag, the views and the material pages share.
    public func sourcing(sources: [ApprovedSource], criticality: [String: MaterialCriticality])
        -> [MaterialSourcing]
    {
        let byMaterial = Dictionary(grouping: sources, by: \.materialId)
        return Set(criticality.keys).union(byMaterial.keys).sorted().map { material in
            let all = byMaterial[material] ?? []
            let isCritical = criticality[material] == .critical
            let usable = all.filter(\.status.isUsable).count
            return MaterialSourcing(
                materialId: material, criticality: criticality[material], sources: all.count,
                usableSources: usable, requiredSources: isCritical ? config.minimumSources : nil,
                singleSourced: isCritical && usable < config.minimumSources)
        }
    }
}

/// How many sources a material has and whether that makes it single-sourced: a critical material with
/// fewer usable (approved or conditional) sources than `DecisionConfig.minimumSources`.
public struct MaterialSourcing: Sendable, Hashable {
    public var materialId: String
    /// nil when the material is not in the material master.
    public var criticality: MaterialCriticality?
    /// Approved sources listed, whatever their status.
    public var sources: Int
    public var usableSources: Int
    /// The minimum the rule asks for; nil for materials that are not critical (no minimum applies).
    public var requiredSources: Int?
    public var singleSourced: Bool
}
