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
        var otif: String
        var ppm: String
        var lots: String
        var leadTime: String
        var price: String
        var open: String
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
            let f = supplier?.figures.first { $0.materialId == id }
            let none = supplier == nil ? ReportFormat.noData : "–"
            return Comparison(
                link: knownSuppliers.contains(source.supplierId)
                    ? "../suppliers/" + PageFileName.html(for: source.supplierId) : nil,
                supplierId: source.supplierId, supplierName: source.supplierName, listStatus: source.status,
                verdict: supplier == nil ? "not scored" : Wording.code(verdict?.status),
                readiness: Wording.code(verdict?.readiness),
                otd: f.map { Self.rate($0.otdRate, lines: $0.dueLines) } ?? none,
                otif: f.map { Self.rate($0.otifRate, lines: $0.dueLines) } ?? none,
                ppm: f.map { ReportFormat.ppm($0.ppm) } ?? none,
                lots: f.map { ReportFormat.count($0.lotsReceived) } ?? none,
                leadTime: f.map(Self.leadTime) ?? none, price: f.map(Self.price) ?? none,
                open: f.map(Self.open) ?? none,
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

    /// "60.0 % of 5 lines"; "no lines due" when none was judged.
    static func rate(_ rate: Double?, lines: Int) -> String {
        guard lines > 0 else { return "no lines due" }
        return ReportFormat.percent(rate) + " of " + ReportFormat.count(lines)
            + (lines == 1 ? " line" : " lines")
    }

    /// "15.0 days actual (median of 3) vs 10.0 days quoted".
    static func leadTime(_ f: SourceFigures) -> String {
        guard let actual = f.medianLeadTimeDays else {
            return f.quotedLeadTimeDays.map { "no receipt; " + ReportFormat.days($0) + " quoted" }
                ?? "no receipt"
        }
        let quoted =
            f.quotedLeadTimeDays.map { " vs " + ReportFormat.days($0) + " quoted" } ?? ", no quotation"
        return ReportFormat.days(actual) + " actual (median of \(f.leadTimeLines))" + quoted
    }

    /// "5.00 per kg from 50 kg, 10 days (at the typical order of 90 kg; currency not recorded)".
    static func price(_ f: SourceFigures) -> String {
        if f.unitMismatch { return "orders in several units: no tier" }
        guard let typical = f.typicalQuantity else { return "no recent order" }
        let unit = f.orderUnit.map { " " + $0 } ?? ""
        let order = "typical order " + ReportFormat.value(typical) + unit
        guard let price = f.volumeTierPrice else { return "no current tier at the " + order }
        let tier = f.volumeTierMinQuantity.map { " from " + ReportFormat.value($0) + unit } ?? ""
        let lead = f.volumeTierLeadTimeDays.map { ", " + ReportFormat.days(Double($0)) } ?? ""
        return ReportFormat.price(price) + " per" + (f.orderUnit.map { " " + $0 } ?? " unit") + tier + lead
            + " (" + order + "; currency not recorded)"
    }

    /// "143 kg on 4 lines, 715.00 (currency not recorded)".
    static func open(_ f: SourceFigures) -> String {
        guard f.openLines > 0 else { return "none" }
        let lines = ReportFormat.count(f.openLines) + (f.openLines == 1 ? " line" : " lines")
        let quantity =
            f.openQuantity.map {
                ReportFormat.value($0) + (f.openUnit.map { " " + $0 } ?? "") + " on " + lines
            }
            ?? lines + " in several units"
        let value =
            f.openValue.map { ", " + ReportFormat.amount($0) + " (currency not recorded)" } ?? ", no price"
        return quantity + value
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
