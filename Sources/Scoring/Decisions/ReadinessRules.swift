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
            return ReadinessCondition(
                key: key, state: .noData, detail: "no lots received in the look-back",
                figure: ConditionFigure(unit: "lots", value: nil, threshold: Double(need), n: 0))
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
        return ReadinessCondition(
            key: key, state: streak >= need ? .met : .notMet, detail: detail,
            figure: ConditionFigure(
                unit: "lots", value: Double(streak), threshold: Double(need), n: lots.count))
    }

    /// Cpk of every characteristic over its latest lots, judged on Bissell's bounds at
    /// `readinessConfidence`: met when every judged lower bound reaches the threshold, not met when an
    /// upper bound is below it, too few to judge otherwise.
    func capability(_ caps: [LotCapability], material: String, specified: Bool) -> ReadinessCondition {
        let key = "cpk"
        let mine = caps.filter { $0.materialId == material }.sorted { $0.characteristic < $1.characteristic }
        if mine.isEmpty && !specified {
            return ReadinessCondition(
                key: key, state: .met, detail: "no specification for \(material): no Cpk to reach")
        }
        let z = Bounds.z(config.readinessConfidence)
        let judged = mine.compactMap { c -> (LotCapability, Estimate)? in
            guard let e = c.estimate(z: z, minimumLots: config.readinessCpkMinLots), e.enough else {
                return nil
            }
            return (c, e)
        }
        guard !judged.isEmpty else {
            return ReadinessCondition(
                key: key, state: .noData,
                detail: "no characteristic of \(material) has \(config.readinessCpkMinLots) lots with results"
            )
        }
        let need = config.readinessCpk
        let level = Fmt.percentTenths(config.readinessConfidence)
        let verdicts = judged.map { ($0.0, $0.1, $0.1.atLeast(need)) }
        let bad = verdicts.filter { $0.2 == .shownBad }
        let open = verdicts.filter { $0.2 == .undecided }
        func text(_ v: (LotCapability, Estimate, Judgement), upper: Bool) -> String {
            let b = upper ? v.1.upper : v.1.lower
            return "\(v.0.characteristic) \(Fmt.twoDecimalsBeside(v.1.value, limit: need)) (\(level) "
                + "\(upper ? "upper" : "lower") bound \(Fmt.twoDecimalsBeside(b, limit: need)), n \(v.1.n))"
        }
        let thin = mine.count - judged.count
        let note = thin > 0 ? "; \(thin) with too few lots not judged" : ""
        let limit = Fmt.number(need)
        // The figure is the worst characteristic of the group that decided the state.
        func worst(_ group: [(LotCapability, Estimate, Judgement)], upper: Bool) -> ConditionFigure? {
            guard let w = group.min(by: { $0.1.value < $1.1.value }) else { return nil }
            return ConditionFigure(
                unit: "cpk", value: w.1.value, threshold: need, bound: upper ? w.1.upper : w.1.lower,
                n: w.1.n,
                characteristic: w.0.characteristic)
        }
        if !bad.isEmpty {
            return ReadinessCondition(
                key: key, state: .notMet,
                detail: "Cpk below \(limit): " + bad.map { text($0, upper: true) }.joined(separator: ", ")
                    + note, figure: worst(bad, upper: true))
        }
        if !open.isEmpty {
            return ReadinessCondition(
                key: key, state: .tooFew,
                detail: "Cpk not yet shown to reach \(limit) (too few to judge): "
                    + open.map { text($0, upper: false) }.joined(separator: ", ") + note,
                figure: worst(open, upper: false))
        }
        return ReadinessCondition(
            key: key, state: .met,
            detail: "Cpk ≥ \(limit) on every characteristic: "
                + verdicts.map { text($0, upper: false) }.joined(separator: ", ") + note,
            figure: worst(verdicts, upper: false))
    }

    /// OTD over the latest `readinessDueLines` judged lines, and the CV of their actual lead times.
    func delivery(_ lines: [LineOutcome]) -> (otd: ReadinessCondition, leadTime: ReadinessCondition) {
        let n = config.readinessDueLines
        let last = Array(lines.suffix(n))
        let onTime = last.filter(\.onTime).count
        let need = config.readinessOTD
        let level = Fmt.percentTenths(config.readinessConfidence)
        let otd: ReadinessCondition
        if let e = Estimate.share(
            onTime, of: last.count, z: Bounds.z(config.readinessConfidence), minimum: config.limitsMinDueLines
        ),
            e.enough
        {
            let judgement = e.atLeast(need)
            let bound = judgement == .shownBad ? e.upper : e.lower
            let state: ConditionState =
                judgement == .shownGood ? .met : judgement == .shownBad ? .notMet : .tooFew
            otd = ReadinessCondition(
                key: "otd_last_lines", state: state,
                detail:
                    "OTD \(Fmt.percentBeside(e.value, limit: need)) over the last \(e.n) due lines (\(onTime) on "
                    + "time; \(level) \(judgement == .shownBad ? "upper" : "lower") bound "
                    + "\(Fmt.percentBeside(bound, limit: need)); \(Fmt.percent(need)) needed"
                    + (state == .tooFew ? ", too few to judge" : "") + ")",
                figure: ConditionFigure(
                    unit: "fraction", value: e.value, threshold: need, bound: bound, n: e.n))
        } else {
            otd = ReadinessCondition(
                key: "otd_last_lines", state: .noData,
                detail: "\(last.count) judged due \(last.count == 1 ? "line" : "lines") in the look-back, "
                    + "\(config.limitsMinDueLines) needed",
                figure: ConditionFigure(unit: "fraction", value: nil, threshold: need, n: last.count))
        }
        let leads = last.compactMap { $0.leadTimeDays.map(Double.init) }
        let cvLimit = Fmt.number(config.readinessLeadTimeCV)
        guard let mean = Stats.mean(leads), mean > 0, let sd = Stats.sampleSD(leads) else {
            return (
                otd,
                ReadinessCondition(
                    key: "lead_time_cv", state: .noData,
                    detail:
                        "\(leads.count) actual lead \(leads.count == 1 ? "time" : "times"), at least 2 needed",
                    figure: ConditionFigure(
                        unit: "cv", value: nil, threshold: config.readinessLeadTimeCV, n: leads.count))
            )
        }
        let cv = sd / mean
        let lead = ReadinessCondition(
            key: "lead_time_cv", state: cv <= config.readinessLeadTimeCV + Self.epsilon ? .met : .notMet,
            detail: "actual lead time \(Fmt.days(mean)) on average, CV \(String(format: "%.2f", cv)) over "
                + "\(leads.count) lines (at most \(cvLimit))",
            figure: ConditionFigure(
                unit: "cv", value: cv, threshold: config.readinessLeadTimeCV, n: leads.count))
        return (otd, lead)
    }

    func responsiveness(_ score: SupplierScore) -> ReadinessCondition {
        let key = "responsiveness"
        let sla = scoring.responseSLAHours
        guard let median = score.medianResponseHours, let within = score.withinSLARate else {
            return ReadinessCondition(
                key: key, state: .noData, detail: "no answered or overdue messages in the current window")
        }
        let judged = score.answeredMessages + score.unansweredOverdue
        let withinCount = (within * Double(judged)).roundedInteger ?? 0
        let need = config.readinessWithinSLARate
        let e = Estimate.share(withinCount, of: judged, z: Bounds.z(config.readinessConfidence), minimum: 1)
        let judgement = e?.atLeast(need) ?? .tooFew
        let state: ConditionState =
            median > sla || judgement == .shownBad
            ? .notMet : judgement == .shownGood ? .met : .tooFew
        let bound = judgement == .shownBad ? e?.upper : e?.lower
        let level = Fmt.percentTenths(config.readinessConfidence)
        return ReadinessCondition(
            key: key, state: state,
            detail: "median response \(Fmt.hours(median)) (SLA \(Fmt.hours(sla))), \(Fmt.percent(within)) of "
                + "\(judged) within SLA (\(level) \(judgement == .shownBad ? "upper" : "lower") bound "
                + "\(Fmt.percentBeside(bound ?? 0, limit: need)); \(Fmt.percent(need)) needed"
                + (state == .tooFew ? ", too few to judge" : "") + ")",
            figure: ConditionFigure(unit: "fraction", value: within, threshold: need, bound: bound, n: judged)
        )
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
