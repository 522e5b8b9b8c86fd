import Domain
import ReportModel

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
