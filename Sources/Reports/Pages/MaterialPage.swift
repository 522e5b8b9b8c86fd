import Domain

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
    var sourceCount: Int
    var sources: [Source]
    var flags: [FlagView]

    init(_ material: MaterialReport, run: RunView, knownSuppliers: Set<String>, flags: [(String, Flag)]) {
        self.run = run
        materialId = material.materialId
        name = material.name
        criticality = material.criticality
        singleSourced = material.isSingleSourced
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
}
