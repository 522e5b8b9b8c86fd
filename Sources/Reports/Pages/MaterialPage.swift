import Domain
import ReportModel

/// What `material.mustache` sees.
struct MaterialPage {
    struct Source {
        var link: String?
        var supplierId: String
        var supplierName: String
        var status: String
        var partNumber: String
    }

    struct FlagView {
        var severity: String
        var kind: String
        var supplier: String
        var message: String
    }

    var run: RunView
    var materialId: String
    var name: String
    var criticality: String
    var singleSourced: Bool
    /// How many usable sources the material has against what the rule asks, in one sentence.
    var sourcing: String
    var sourceCount: Int
    var sources: [Source]
    var flags: [FlagView]

    init(_ material: MaterialReport, run: RunView, knownSuppliers: Set<String>, flags: [(String, Flag)]) {
        self.run = run
        materialId = material.materialId
        name = material.name
        criticality = material.criticality
        singleSourced = material.isSingleSourced
        sourcing = Self.sourcingSentence(material)
        sourceCount = material.sources.count
        sources = material.sources.map { source in
            Source(
                link: knownSuppliers.contains(source.supplierId)
                    ? "../suppliers/" + PageFileName.html(for: source.supplierId) : nil,
                supplierId: source.supplierId, supplierName: source.supplierName, status: source.status,
                partNumber: source.supplierPartNumber ?? "–")
        }
        self.flags = flags.sorted { $0.1.severity > $1.1.severity }.map { supplier, flag in
            FlagView(
                severity: flag.severity.rawValue, kind: Wording.flagKind(flag.kind), supplier: supplier,
                message: flag.message)
        }
    }

    /// States the stored count against the stored minimum, so the badge and the source list agree.
    static func sourcingSentence(_ m: MaterialReport) -> String {
        guard let usable = m.usableSources else { return "" }
        let noun = usable == 1 ? "usable source" : "usable sources"
        let count = "\(usable) \(noun) (approved or conditional)"
        guard let required = m.requiredSources else {
            return "\(count); no minimum applies to a \(m.criticality) material."
        }
        return m.isSingleSourced
            ? "\(count) where a critical material needs \(required)."
            : "Not single-sourced: \(count); a critical material needs \(required)."
    }
}
