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

/// What changed for one supplier since the previous run, from the two runs' stored results.
struct ChangeLine {
    var link: String
    var supplierId: String
    var name: String
    var worse: Bool
    var changes: [String]

    /// A score move smaller than this is noise (rounding, one late line) and is not listed.
    static let scoreNoise = 2.0

    static func lines(_ suppliers: [SupplierReport], hasPreviousRun: Bool) -> [ChangeLine] {
        guard hasPreviousRun else { return [] }
        let rank = ["qualified": 0, "in_qualification": 1, "conditional": 2, "probation": 3]
        var lines: [ChangeLine] = []
        for s in suppliers {
            let link = "suppliers/" + PageFileName.html(for: s.supplierId)
            guard let previous = s.previous else {
                lines.append(
                    ChangeLine(
                        link: link, supplierId: s.supplierId, name: s.name, worse: false,
                        changes: ["new supplier"]))
                continue
            }
            var changes: [String] = []
            var worse = false
            if let before = previous.recommendedStatus, let now = s.recommendedStatus, before != now {
                changes.append("status \(Wording.code(before)) → \(Wording.code(now))")
                worse = worse || (rank[now] ?? 0) > (rank[before] ?? 0)
            }
            if let change = s.scoreChange, abs(change) >= scoreNoise {
                changes.append(
                    "score \(ReportFormat.score(previous.overallScore)) → \(ReportFormat.score(s.overallScore))"
                        + " (\(ReportFormat.change(change)))")
                worse = worse || change < 0
            }
            struct Key: Hashable {
                var kind: FlagKind
                var material: String?
                var characteristic: String?
            }
            let before = Set(
                previous.flags.map {
                    Key(kind: $0.kind, material: $0.materialId, characteristic: $0.characteristic)
                })
            let now = Set(
                s.flags.map { Key(kind: $0.kind, material: $0.materialId, characteristic: $0.characteristic) }
            )
            func about(_ key: Key) -> String {
                [key.material, key.characteristic].compactMap { $0 }.joined(separator: " ")
            }
            for flag in s.flags {
                let key = Key(kind: flag.kind, material: flag.materialId, characteristic: flag.characteristic)
                guard !before.contains(key) else { continue }
                let on = about(key)
                changes.append("new: " + Wording.flagKind(flag.kind) + (on.isEmpty ? "" : " (\(on))"))
                worse = worse || flag.severity != .info
            }
            for flag in previous.flags {
                let key = Key(kind: flag.kind, material: flag.materialId, characteristic: flag.characteristic)
                guard !now.contains(key) else { continue }
                let on = about(key)
                changes.append("closed: " + Wording.flagKind(flag.kind) + (on.isEmpty ? "" : " (\(on))"))
            }
            if !changes.isEmpty {
                lines.append(
                    ChangeLine(
                        link: link, supplierId: s.supplierId, name: s.name, worse: worse, changes: changes))
            }
        }
        // Worse first; within each, in the ranking's order.
        return lines.enumerated().sorted { a, b in
            a.element.worse != b.element.worse ? a.element.worse : a.offset < b.offset
        }.map(\.element)
    }
}

/// The rejected CoA files of one supplier, as one request to resend them.
struct RejectionGroup {
    struct File {
        var path: String
        var reason: String
    }

    var supplier: String
    var summary: String
    var files: [File]

    static func groups(_ documents: [RejectedDocument], names: [String: String]) -> [RejectionGroup] {
        var order: [String] = []
        var bySupplier: [String: [RejectedDocument]] = [:]
        for document in documents {
            let key = document.supplierId ?? ""
            if bySupplier[key] == nil { order.append(key) }
            bySupplier[key, default: []].append(document)
        }
        return order.map { key in
            let files = bySupplier[key] ?? []
            var kinds: [String: Int] = [:]
            var kindOrder: [String] = []
            for file in files {
                let kind = Wording.rejectionKind(file.reason)
                if kinds[kind] == nil { kindOrder.append(kind) }
                kinds[kind, default: 0] += 1
            }
            let breakdown = kindOrder.sorted { (kinds[$0] ?? 0) > (kinds[$1] ?? 0) }.map {
                "\(kinds[$0] ?? 0) \($0)"
            }
            .joined(separator: ", ")
            let noun = files.count == 1 ? "CoA file" : "CoA files"
            let who = key.isEmpty ? "the senders" : key
            let label = key.isEmpty ? "supplier not known" : names[key].map { "\($0) (\(key))" } ?? key
            return RejectionGroup(
                supplier: label, summary: "Ask \(who) to resend \(files.count) \(noun): \(breakdown)",
                files: files.map { File(path: $0.path, reason: $0.reason) })
        }
    }
}
