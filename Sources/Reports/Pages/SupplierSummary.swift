import Domain
import ReportModel

/// Classifications of a supplier shared by the index and its own page.
extension SupplierReport {
    var openFlagCounts: (critical: Int, warning: Int, info: Int) {
        var counts = (critical: 0, warning: 0, info: 0)
        for flag in flags {
            switch flag.severity {
            case .critical: counts.critical += 1
            case .warning: counts.warning += 1
            case .info: counts.info += 1
            }
        }
        return counts
    }

    /// At risk: high priority-position risk, a `probation` recommendation, or any critical flag.
    var isAtRisk: Bool {
        priorityRisk?.level == "high" || recommendedStatus == "probation"
            || flags.contains { $0.severity == .critical }
    }

    var isDrifting: Bool { flags.contains { $0.kind == .edgeOfToleranceDrift } }

    /// What got worse since the previous run, in words; empty when nothing did (or no previous run).
    var worsening: [String] {
        guard let previous else { return [] }
        var reasons: [String] = []
        if let change = scoreChange, change <= -0.05 {
            reasons.append(
                "score \(ReportFormat.score(previous.overallScore)) → \(ReportFormat.score(overallScore)) "
                    + "(\(ReportFormat.change(change)))")
        }
        if let before = previous.recommendedStatus, let now = recommendedStatus, before != now {
            reasons.append("status \(Wording.code(before)) → \(Wording.code(now))")
        }
        let rank = ["low": 0, "medium": 1, "high": 2]
        if let before = previous.riskLevel.flatMap({ rank[$0] }), let nowLevel = priorityRisk?.level,
            let now = rank[nowLevel], now > before, let beforeLevel = previous.riskLevel
        {
            reasons.append("risk \(beforeLevel) → \(nowLevel)")
        }
        if flags.count > previous.flagCount {
            reasons.append("flags \(previous.flagCount) → \(flags.count)")
        }
        return reasons
    }
}
