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

    /// What the supplier's trouble touches, as the run stored it: the critical materials it is the only
    /// usable source of, its other critical materials, its open order value.
    static func stake(_ entry: TodayEntry) -> String? {
        var parts: [String] = []
        if !entry.soleSourced.isEmpty {
            parts.append("only usable source of " + entry.soleSourced.joined(separator: ", "))
        }
        let critical = entry.criticalMaterials
        if !critical.isEmpty {
            let noun = critical.count == 1 ? "critical material" : "critical materials"
            parts.append("\(critical.count) \(noun) (\(critical.joined(separator: ", ")))")
        }
        if let value = entry.openOrderValue, value > 0 {
            parts.append("open orders worth " + ReportFormat.amount(value) + " (currency not recorded)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The suppliers with a stored "Today" line, in the run's order.
    static func lines(_ suppliers: [SupplierReport]) -> [TodayLine] {
        let levels = ["urgent": 0, "this_week": 1, "watch": 2]
        let names = ["urgent", "this week", "watch"]
        let classes = ["sev-critical", "sev-warning", "sev-info"]
        let ranked = suppliers.compactMap { s in s.today.map { ($0, s) } }.sorted { $0.0.rank < $1.0.rank }
        return ranked.map { entry, s in
            let level = levels[entry.urgency] ?? 2
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
                atStake: stake(entry))
        }
    }
}
