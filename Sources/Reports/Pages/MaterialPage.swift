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

    /// One source side by side with the others: the run's stored figures for it.
    struct Comparison {
        var link: String?
        var supplierId: String
        var supplierName: String
        var listStatus: String
        var verdict: String
        var readiness: String
        var otd: String
        var ppm: String
        var cpks: [String]
        var flags: [String]
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
    var characteristics: [String]
    var comparisons: [Comparison]
    var hasComparisons: Bool
    var exposure: String

    init(
        _ material: MaterialReport, run: RunView, knownSuppliers: Set<String>, flags: [(String, Flag)],
        scored: [String: MaterialPagesInput.ScoredSupplier] = [:]
    ) {
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
        let id = material.materialId
        var names: [String] = []
        for source in material.sources {
            for c in scored[source.supplierId]?.capabilities ?? [] where c.materialId == id {
                if !names.contains(c.characteristic) { names.append(c.characteristic) }
            }
        }
        characteristics = names.sorted()
        let columns = characteristics
        comparisons = material.sources.map { source in
            let supplier = scored[source.supplierId]
            let verdict = supplier?.verdicts.first { $0.materialId == id }
            let caps = supplier?.capabilities.filter { $0.materialId == id } ?? []
            return Comparison(
                link: knownSuppliers.contains(source.supplierId)
                    ? "../suppliers/" + PageFileName.html(for: source.supplierId) : nil,
                supplierId: source.supplierId, supplierName: source.supplierName, listStatus: source.status,
                verdict: supplier == nil ? "not scored" : Wording.code(verdict?.status),
                readiness: Wording.code(verdict?.readiness),
                otd: supplier == nil ? ReportFormat.noData : ReportFormat.percent(supplier?.otdRate),
                ppm: supplier == nil ? ReportFormat.noData : ReportFormat.ppm(supplier?.ppm),
                cpks: columns.map { name in
                    guard let cap = caps.first(where: { $0.characteristic == name }) else { return "–" }
                    guard let cpk = cap.recentCpk else { return "too few lots" }
                    return ReportFormat.fixed(cpk, decimals: 2) + " (\(cap.recentLots) lots)"
                },
                flags: (supplier?.flags ?? []).filter { $0.materialId == id }.map {
                    Wording.flagKind($0.kind)
                })
        }
        hasComparisons = !comparisons.isEmpty
        let usable = material.sources.filter { $0.status == "approved" || $0.status == "conditional" }.count
        exposure =
            material.isSingleSourced
            ? "Single-sourced: if this supplier cannot deliver, there is no approved alternative."
            : usable <= 1 && material.criticality != "critical"
                ? "One usable source; no second source is required for a \(material.criticality) material."
                : "More than one usable source."
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
