import Domain
import ReportModel

/// The index's first block: one line per supplier that needs a buyer today, worst first, then by what
/// is at stake.
struct TodayLine {
    var link: String
    var supplierId: String
    var name: String
    /// `urgent`, `this week` or `watch`.
    var urgency: String
    var urgencyClass: String
    var decision: String
    var reason: String
    var action: String
    var atStake: String?

    /// 0 urgent (probation or a critical flag), 1 this week (conditional, a warning or high risk),
    /// 2 watch (any other supplier with something to do); nil: nothing to do.
    static func urgency(_ s: SupplierReport) -> Int? {
        if s.recommendedStatus == "probation" || s.flags.contains(where: { $0.severity == .critical }) {
            return 0
        }
        if s.recommendedStatus == "conditional" || s.flags.contains(where: { $0.severity == .warning })
            || s.verdictRisk == "high" || s.priorityRisk?.level == "high"
        {
            return 1
        }
        return s.action == nil ? nil : 2
    }

    /// What the supplier's trouble touches, from the stored sourcing: the critical materials it is the only
    /// usable source of, then its other critical materials.
    struct Stake {
        var soleSourced: [String]
        var critical: [String]

        init(_ supplierId: String, materials: [MaterialReport]) {
            let supplied = materials.filter { m in m.sources.contains { $0.supplierId == supplierId } }
            soleSourced = supplied.filter(\.isSingleSourced).map(\.materialId)
            critical = supplied.filter { $0.criticality == "critical" && !$0.isSingleSourced }.map(
                \.materialId)
        }

        var text: String? {
            var parts: [String] = []
            if !soleSourced.isEmpty {
                parts.append("only usable source of " + soleSourced.joined(separator: ", "))
            }
            if !critical.isEmpty {
                let noun = critical.count == 1 ? "critical material" : "critical materials"
                parts.append("\(critical.count) \(noun) (\(critical.joined(separator: ", ")))")
            }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
    }

    static func lines(_ suppliers: [SupplierReport], materials: [MaterialReport]) -> [TodayLine] {
        let names = ["urgent", "this week", "watch"]
        let classes = ["sev-critical", "sev-warning", "sev-info"]
        let candidates: [(level: Int, stake: Stake, order: Int, supplier: SupplierReport)] =
            suppliers.enumerated().compactMap { order, supplier in
                urgency(supplier).map {
                    ($0, Stake(supplier.supplierId, materials: materials), order, supplier)
                }
            }
        // Within one urgency a supplier with an open critical flag is the more severe case.
        func critical(_ s: SupplierReport) -> Bool { s.flags.contains { $0.severity == .critical } }
        return candidates.sorted { a, b in
            if a.level != b.level { return a.level < b.level }
            if critical(a.supplier) != critical(b.supplier) { return critical(a.supplier) }
            if a.stake.soleSourced.count != b.stake.soleSourced.count {
                return a.stake.soleSourced.count > b.stake.soleSourced.count
            }
            if a.stake.critical.count != b.stake.critical.count {
                return a.stake.critical.count > b.stake.critical.count
            }
            return a.order < b.order
        }.map { level, stake, _, s in
            let worst = s.flags.sorted { $0.severity > $1.severity }.first
            // A critical flag's own sentence carries the figures ("orders above 1,105 kg arrive 10.4 days
            // late"); otherwise the status's first reason, which names the limit that decided it.
            let critical = worst.flatMap { $0.severity == .critical ? $0 : nil }
            let reason =
                critical.map { Wording.flagKind($0.kind) + ": " + $0.message }
                ?? s.statusReasons.first.map(Wording.plain)
                ?? worst.map { Wording.flagKind($0.kind) + ": " + $0.message } ?? "no reason recorded"
            let action =
                s.action ?? worst.map { Wording.flagMeaning($0.kind) } ?? "Open the scorecard and review."
            let safeLevel = min(max(level, 0), 2)
            return TodayLine(
                link: "suppliers/" + PageFileName.html(for: s.supplierId), supplierId: s.supplierId,
                name: s.name, urgency: names[safeLevel], urgencyClass: classes[safeLevel],
                decision: Wording.statusDecision(s.recommendedStatus), reason: reason, action: action,
                atStake: stake.text)
        }
    }
}
