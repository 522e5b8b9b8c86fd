import Domain
import Foundation

/// The scale-up readiness conditions (docs/decisions.md), one function each. Thresholds in `DecisionConfig`.
struct ReadinessRules {
    var config: DecisionConfig
    var scoring: ScoringConfig

    /// Tolerance for comparing computed ratios with configured thresholds, so that a figure that is
    /// exactly at the threshold by hand (Cpk 1.33, OTD 95 %) is not lost to binary rounding.
    static let epsilon = 1e-9

    func specUnchanged(_ versions: [SpecificationVersion], material: String, window: DayWindow)
        -> ReadinessCondition
    {
        let mine = versions.filter { $0.materialId == material }
        let key = "spec_unchanged"
        guard !mine.isEmpty else {
            return ReadinessCondition(
                key: key, state: .met, detail: "no specification for \(material): nothing to change")
        }
        // A version starting, or ending, after the first day of the window changed the specification in it.
        func inside(_ day: Day?) -> Day? {
            day.flatMap { $0 > window.first && $0 <= window.last ? $0 : nil }
        }
        let changes = mine.filter { inside($0.validFrom) != nil || inside($0.validTo) != nil }
        guard
            let latest = changes.flatMap({ [inside($0.validFrom), inside($0.validTo)] }).compactMap({ $0 })
                .max()
        else {
            return ReadinessCondition(
                key: key, state: .met,
                detail: "specification unchanged since \(window.first.iso) (\(window.days) days)")
        }
        let chars = Set(changes.map(\.characteristic)).sorted().joined(separator: ", ")
        return ReadinessCondition(
            key: key, state: .notMet,
            detail: "specification of \(chars) changed on \(latest.iso), inside the \(window.days)-day window"
        )
    }

    func consecutiveConformingLots(_ lots: [LotRecord]) -> ReadinessCondition {
        let key = "consecutive_conforming_lots"
        let need = config.readinessLots
        guard !lots.isEmpty else {
            return ReadinessCondition(key: key, state: .noData, detail: "no lots received in the look-back")
        }
        let streak = lots.reversed().prefix { $0.conforming }.count
        var detail = "\(streak) consecutive conforming \(streak == 1 ? "lot" : "lots") (\(need) needed)"
        if streak == lots.count && streak < need {
            detail += "; only \(lots.count) \(lots.count == 1 ? "lot" : "lots") received in the look-back"
        }
        if streak < lots.count {
            let breaker = lots[lots.count - 1 - streak]
            detail +=
                "; lot \(breaker.name) of \(breaker.receivedOn.iso): "
                + breaker.findings.joined(separator: ", ")
        }
        return ReadinessCondition(key: key, state: streak >= need ? .met : .notMet, detail: detail)
    }

    /// Recent Cpk of every characteristic with at least `readinessCpkMinLots` recent lots.
    func capability(_ caps: [CharacteristicCapability], material: String, specified: Bool)
        -> ReadinessCondition
    {
        let key = "cpk"
        let mine = caps.filter { $0.materialId == material }.sorted { $0.characteristic < $1.characteristic }
        let enough = mine.filter { $0.recent.n >= config.readinessCpkMinLots }
        if mine.isEmpty && !specified {
            return ReadinessCondition(
                key: key, state: .met, detail: "no specification for \(material): no Cpk to reach")
        }
        guard !enough.isEmpty else {
            return ReadinessCondition(
                key: key, state: .noData,
                detail:
                    "no characteristic of \(material) has \(config.readinessCpkMinLots) recent lots with results"
            )
        }
        let need = Fmt.number(config.readinessCpk)
        let low = enough.filter { c in (c.recent.cpk ?? -.infinity) < config.readinessCpk - Self.epsilon }
        let shown = (low.isEmpty ? enough : low).map { c in
            "\(c.characteristic) \(c.recent.cpk.map(cpkText) ?? "—") (n \(c.recent.n))"
        }
        let thin = mine.count - enough.count
        let note = thin > 0 ? "; \(thin) with too few lots not judged" : ""
        if low.isEmpty {
            return ReadinessCondition(
                key: key, state: .met,
                detail: "Cpk ≥ \(need) on every characteristic: " + shown.joined(separator: ", ") + note)
        }
        return ReadinessCondition(
            key: key, state: .notMet, detail: "Cpk below \(need): " + shown.joined(separator: ", ") + note)
    }

    /// Two decimals, or three where two would round a failing Cpk up to the threshold ("1.327", not "1.33").
    func cpkText(_ cpk: Double) -> String {
        let two = String(format: "%.2f", cpk)
        let fails = cpk < config.readinessCpk - Self.epsilon
        return fails && two == String(format: "%.2f", config.readinessCpk) ? String(format: "%.3f", cpk) : two
    }

    /// OTD over the latest `readinessDueLines` judged lines, and the CV of their actual lead times.
    func delivery(_ lines: [LineOutcome]) -> (otd: ReadinessCondition, leadTime: ReadinessCondition) {
        let n = config.readinessDueLines
        let last = Array(lines.suffix(n))
        let otd: ReadinessCondition
        if last.count < n {
            otd = ReadinessCondition(
                key: "otd_last_lines", state: .noData,
                detail:
                    "\(last.count) judged due \(last.count == 1 ? "line" : "lines") in the look-back, \(n) needed"
            )
        } else {
            let onTime = last.filter(\.onTime).count
            let rate = Double(onTime) / Double(n)
            otd = ReadinessCondition(
                key: "otd_last_lines", state: rate >= config.readinessOTD - Self.epsilon ? .met : .notMet,
                detail: "OTD \(Fmt.percent(rate)) over the last \(n) due lines (\(onTime) on time; "
                    + "\(Fmt.percent(config.readinessOTD)) needed)")
        }
        let leads = last.compactMap { $0.leadTimeDays.map(Double.init) }
        let cvLimit = Fmt.number(config.readinessLeadTimeCV)
        guard let mean = Stats.mean(leads), mean > 0, let sd = Stats.sampleSD(leads) else {
            return (
                otd,
                ReadinessCondition(
                    key: "lead_time_cv", state: .noData,
                    detail:
                        "\(leads.count) actual lead \(leads.count == 1 ? "time" : "times"), at least 2 needed"
                )
            )
        }
        let cv = sd / mean
        let lead = ReadinessCondition(
            key: "lead_time_cv", state: cv <= config.readinessLeadTimeCV + Self.epsilon ? .met : .notMet,
            detail: "actual lead time \(Fmt.days(mean)) on average, CV \(String(format: "%.2f", cv)) over "
                + "\(leads.count) lines (at most \(cvLimit))")
        return (otd, lead)
    }

    func responsiveness(_ score: SupplierScore) -> ReadinessCondition {
        let key = "responsiveness"
        let sla = scoring.responseSLAHours
        guard let median = score.medianResponseHours, let within = score.withinSLARate else {
            return ReadinessCondition(
                key: key, state: .noData, detail: "no answered or overdue messages in the current window")
        }
        let ok = median <= sla && within >= config.readinessWithinSLARate - Self.epsilon
        return ReadinessCondition(
            key: key, state: ok ? .met : .notMet,
            detail: "median response \(Fmt.hours(median)) (SLA \(Fmt.hours(sla))), \(Fmt.percent(within)) "
                + "within SLA (\(Fmt.percent(config.readinessWithinSLARate)) needed)")
    }

    func noPriorityRisk(_ score: SupplierScore, flags: [Flag]) -> ReadinessCondition {
        let key = "no_priority_risk"
        let raised = flags.first { $0.kind == .priorityPositionRisk }
        if let level = score.riskLevel, level == .medium || level == .high {
            let figure = score.riskScore.map { " (score \(Fmt.oneDecimal($0)))" } ?? ""
            return ReadinessCondition(
                key: key, state: .notMet, detail: "priority-position risk \(level.rawValue)\(figure)")
        }
        if let raised {
            return ReadinessCondition(
                key: key, state: .notMet, detail: "priority-position risk: \(raised.message)")
        }
        let detail: String
        switch score.riskLevel {
        case .low:
            detail =
                "priority-position risk low"
                + (score.riskScore.map { " (score \(Fmt.oneDecimal($0)))" } ?? "")
        case .insufficientData: detail = "no priority-position risk raised (too few due lines to assess it)"
        default: detail = "no priority-position risk raised"
        }
        return ReadinessCondition(key: key, state: .met, detail: detail)
    }
}
