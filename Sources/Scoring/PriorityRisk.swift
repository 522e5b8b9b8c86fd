import Domain
import Foundation

/// One signal of priority-position risk: its figures in both windows and the points it scored.
public struct RiskSignal: Sendable, Hashable {
    /// Stable name, e.g. `otd_drop`, `large_order_gap` (stored in the evidence).
    public var name: String
    public var baseline: Double?
    public var recent: Double?
    public var points: Double
    public var maxPoints: Double
    /// The clause the message uses, e.g. "on-time delivery fell from 96 % to 71 %".
    public var phrase: String
}

/// Priority-position risk of one supplier: recent (current) window against the baseline window.
public struct PriorityRisk: Sendable, Hashable {
    public var level: RiskLevel
    /// 0–100; nil when the level is `insufficient_data`.
    public var score: Double?
    /// Sum of the signal points before the volume amplifier.
    public var baseScore: Double?
    /// Ordered quantity per month, recent / baseline.
    public var volumeGrowth: Double?
    public var amplifier: Double
    /// Signals with points, strongest first.
    public var signals: [RiskSignal]
    /// Lines above this quantity form the large-order group of the recent window.
    public var largeOrderThreshold: Double?
}

/// The documented risk formula (docs/metrics.md, "Priority-position risk").
struct PriorityRiskCalculator {
    var config: ScoringConfig

    private static func clamp(_ x: Double) -> Double { min(1, max(0, x)) }

    func assess(
        recent r: DeliveryFigures, baseline b: DeliveryFigures, recentResponse rr: ResponsivenessFigures,
        baselineResponse br: ResponsivenessFigures
    ) -> PriorityRisk {
        var growth: Double?
        if b.orderedQuantityPerMonth > 0 { growth = r.orderedQuantityPerMonth / b.orderedQuantityPerMonth }
        let amplifier = min(2, 1 + 0.25 * log2(max(1, growth ?? 1)))
        guard r.dueLines >= config.minDueLines, b.dueLines >= config.minDueLines else {
            return PriorityRisk(
                level: .insufficientData, score: nil, baseScore: nil, volumeGrowth: growth,
                amplifier: amplifier,
                signals: [], largeOrderThreshold: nil)
        }
        var signals: [RiskSignal] = []
        /// `counts`: for a share, how many lines or messages each side's share is of. The change then scores
        /// only when the lower bound of the difference of the two shares (Newcombe's score interval from
        /// Wilson bounds at `riskNoiseZ`, 2 by default, about 97.7 % one-sided) is above 0, so that a few
        /// lines' chance slips do not read as a supplier turning away: 100 % → 75 % on a dozen lines a side,
        /// or 93 % → 73 % on 15, is within noise; 93 % → 73 % on 40 is not.
        func add(
            _ name: String, _ base: Double?, _ recent: Double?, max: Double, scale: Double, _ phrase: String,
            counts: (base: Int, recent: Int)? = nil
        ) {
            guard let base, let recent else { return }
            var change = recent - base
            if let counts,
                !Self.significantChange(
                    base: abs(base), recent: abs(recent), counts: counts, fall: base < 0 || recent < 0,
                    z: config.riskNoiseZ)
            {
                change = 0
            }
            let points = max * Self.clamp(change / scale)
            signals.append(
                RiskSignal(
                    name: name, baseline: base, recent: recent, points: points, maxPoints: max, phrase: phrase
                ))
        }
        let pct = Fmt.percent
        if let ob = b.otdRate, let or = r.otdRate {
            add(
                "otd_drop", -ob, -or, max: 25, scale: 0.30,
                "on-time delivery fell from \(pct(ob)) to \(pct(or))", counts: (b.dueLines, r.dueLines))
            signals[signals.count - 1].baseline = ob
            signals[signals.count - 1].recent = or
        }
        if let ob = b.otifRate, let or = r.otifRate {
            add(
                "otif_drop", -ob, -or, max: 10, scale: 0.30, "OTIF fell from \(pct(ob)) to \(pct(or))",
                counts: (b.dueLines, r.dueLines))
            signals[signals.count - 1].baseline = ob
            signals[signals.count - 1].recent = or
        }
        add(
            "days_late_rise", b.avgDaysLate, r.avgDaysLate, max: 10, scale: 7,
            "average days late rose from \(Fmt.oneDecimal(b.avgDaysLate ?? 0)) to \(Fmt.oneDecimal(r.avgDaysLate ?? 0))"
        )
        var threshold: Double?
        if let gap = largeOrderGap(r) {
            threshold = gap.threshold
            let unit = Set(r.outcomes.map(\.unit)).count == 1 ? " \(r.outcomes[0].unit)" : ""
            let phrase =
                "orders above \(Fmt.number(gap.threshold))\(unit) arrive \(Fmt.days(gap.largeDaysLate)) late on "
                + "average, smaller ones \(Fmt.oneDecimal(gap.restDaysLate))"
            add(
                "large_order_gap", gap.largeOnTime, gap.restOnTime, max: 15, scale: 0.40, phrase,
                counts: (gap.largeLines, gap.restLines))
            // Stored as the two groups' on-time rates: baseline = large orders, recent = the rest.
        }
        let h = Fmt.hours
        add(
            "response_time_rise", br.medianResponseHours, rr.medianResponseHours, max: 5, scale: 48,
            "median response rose from \(h(br.medianResponseHours ?? 0)) to \(h(rr.medianResponseHours ?? 0))"
        )
        add(
            "unanswered_rise", br.unansweredShare, rr.unansweredShare, max: 5, scale: 0.30,
            "unanswered messages rose from \(pct(br.unansweredShare ?? 0)) to \(pct(rr.unansweredShare ?? 0))",
            counts: (br.judged, rr.judged))
        add(
            "confirmation_latency_rise", b.medianConfirmationHours, r.medianConfirmationHours, max: 5,
            scale: 48,
            "confirmations take \(h(r.medianConfirmationHours ?? 0)), up from \(h(b.medianConfirmationHours ?? 0))"
        )
        add(
            "repromise_rate_rise", b.repromiseRate, r.repromiseRate, max: 5, scale: 0.30,
            "re-promised lines rose from \(pct(b.repromiseRate ?? 0)) to \(pct(r.repromiseRate ?? 0))")
        add(
            "repromise_days_rise", b.avgDaysMoved ?? 0, r.avgDaysMoved, max: 5, scale: 10,
            "re-promises move dates by \(Fmt.days(r.avgDaysMoved ?? 0)), up from \(Fmt.oneDecimal(b.avgDaysMoved ?? 0))"
        )
        if let lb = b.avgLeadTimeDays, let lr = r.avgLeadTimeDays, lb > 0 {
            add(
                "lead_time_creep", lb, lr, max: 7.5, scale: 0.5 * lb,
                "actual lead time rose from \(Fmt.oneDecimal(lb)) to \(Fmt.days(lr))")
        }
        if let q = r.avgQuotedLeadTimeDays, let a = r.avgLeadTimeVsQuotedDays, q > 0 {
            add(
                "lead_time_above_quoted", q, a, max: 7.5, scale: 0.5 * q,
                "actual lead time is \(Fmt.days(a)) against \(Fmt.oneDecimal(q)) quoted")
        }
        let base = signals.reduce(0) { $0 + $1.points }
        let score = min(100, base * amplifier)
        let level: RiskLevel =
            score >= config.riskHighScore ? .high : score >= config.riskMediumScore ? .medium : .low
        let ranked = signals.filter { $0.points > 0 }.sorted { ($1.points, $0.name) < ($0.points, $1.name) }
        return PriorityRisk(
            level: level, score: score, baseScore: base, volumeGrowth: growth, amplifier: amplifier,
            signals: ranked, largeOrderThreshold: threshold)
    }

    /// Whether a share moved the bad way beyond its noise: the lower end of Newcombe's hybrid score
    /// interval for the difference (each share's Wilson bounds at `z`) is above 0. Sound at small counts
    /// and at shares of 0 or 1, where the pooled standard error is not.
    static func significantChange(
        base: Double, recent: Double, counts: (base: Int, recent: Int), fall: Bool, z: Double
    ) -> Bool {
        guard counts.base > 0, counts.recent > 0 else { return false }
        func bounds(_ p: Double, _ n: Int) -> (lower: Double, upper: Double) {
            let successes = (p * Double(n)).roundedInteger ?? 0
            return Bounds.wilson(successes: min(n, max(0, successes)), trials: n, z: z)
        }
        let a = bounds(base, counts.base)
        let b = bounds(recent, counts.recent)
        // A fall: base − recent, from base's lower and recent's upper bound; a rise the other way round.
        let (difference, spread) =
            fall
            ? (base - recent, ((base - a.lower) * (base - a.lower) + (b.upper - recent) * (b.upper - recent)))
            : (recent - base, ((recent - b.lower) * (recent - b.lower) + (a.upper - base) * (a.upper - base)))
        return difference - spread.squareRoot() > 0
    }

    /// Standard error of the difference of two shares, from their pooled share.
    static func shareDifferenceError(_ a: Double, _ b: Double, _ n: (base: Int, recent: Int)) -> Double {
        let na = Double(n.base)
        let nb = Double(n.recent)
        let pooled = (a * na + b * nb) / (na + nb)
        return (pooled * (1 - pooled) * (1 / na + 1 / nb)).squareRoot()
    }

    struct Gap {
        var threshold: Double
        var largeLines: Int
        var restLines: Int
        var largeOnTime: Double
        var restOnTime: Double
        var largeDaysLate: Double
        var restDaysLate: Double
    }

    /// The largest quarter of judged lines by quantity (rounded up) against the rest. Lines are split at
    /// the largest quantity of the rest, so "large" means strictly above it; nil when all are equal.
    func largeOrderGap(_ r: DeliveryFigures) -> Gap? {
        let sorted = r.outcomes.sorted { ($0.quantity, $0.orderLineId) > ($1.quantity, $1.orderLineId) }
        let k = (sorted.count + 3) / 4
        guard sorted.count >= 2, k < sorted.count else { return nil }
        let threshold = sorted[k].quantity
        let large = sorted.filter { $0.quantity > threshold }
        let rest = sorted.filter { $0.quantity <= threshold }
        guard !large.isEmpty, !rest.isEmpty else { return nil }
        func onTime(_ xs: [LineOutcome]) -> Double { Double(xs.filter(\.onTime).count) / Double(xs.count) }
        func late(_ xs: [LineOutcome]) -> Double {
            Double(xs.reduce(0) { $0 + $1.daysLate }) / Double(xs.count)
        }
        // Recent "value" is the rest's on-time rate, baseline the large group's: points grow with the gap.
        return Gap(
            threshold: threshold, largeLines: large.count, restLines: rest.count, largeOnTime: onTime(large),
            restOnTime: onTime(rest),
            largeDaysLate: late(large),
            restDaysLate: late(rest))
    }

    /// The message: the two or three strongest signals, the volume growth on the first.
    func flag(_ risk: PriorityRisk, supplierId: String, current: DayWindow, baseline: DayWindow) -> Flag? {
        guard risk.level == .medium || risk.level == .high, let score = risk.score else { return nil }
        let top = risk.signals.prefix(3).filter { $0.points >= 1 }
        var phrases = top.map(\.phrase)
        if let g = risk.volumeGrowth, g >= 1.5, !phrases.isEmpty {
            phrases[0] += " while monthly volume grew \(Fmt.times(g))"
        }
        guard let first = phrases.first else { return nil }
        phrases[0] = first.prefix(1).uppercased() + first.dropFirst()
        let message = phrases.joined(separator: "; ") + "."
        let evidence: JSONValue = .object([
            "score": .number(score), "level": .string(risk.level.rawValue),
            "base_score": .number(risk.baseScore),
            "amplifier": .number(risk.amplifier), "volume_growth": .number(risk.volumeGrowth),
            "large_order_threshold": .number(risk.largeOrderThreshold),
            "current_window": .array([.day(current.first), .day(current.last)]),
            "baseline_window": .array([.day(baseline.first), .day(baseline.last)]),
            "signals": .array(
                risk.signals.map {
                    .object([
                        "name": .string($0.name), "baseline": .number($0.baseline),
                        "recent": .number($0.recent),
                        "points": .number($0.points), "max_points": .number($0.maxPoints),
                    ])
                }),
        ])
        return Flag(
            supplierId: supplierId, kind: .priorityPositionRisk,
            severity: risk.level == .high ? .critical : .warning,
            message: message, evidence: evidence)
    }
}
