/// What an estimate says about a limit once its sampling error is counted: the decisions act on
/// `below` or `above` only, never on a point estimate that noise could have put there.
public enum Judgement: String, Sendable, Hashable {
    /// The confidence bound is past the limit on the bad side: the evidence says so.
    case shownBad = "shown_bad"
    /// The confidence bound is past the limit on the good side.
    case shownGood = "shown_good"
    /// The interval holds the limit: neither can be said yet.
    case undecided
    /// Fewer observations than the minimum: not judged at all.
    case tooFew = "too_few_to_judge"
}

/// An estimate with its count and one-sided bounds, as the messages show it.
struct Estimate {
    var value: Double
    var lower: Double
    var upper: Double
    /// Lines, lots, messages or units it is over.
    var n: Int
    var enough: Bool

    /// Against a limit where higher is better (OTD, conformance, Cpk): bad when the upper bound is below.
    func atLeast(_ limit: Double) -> Judgement {
        guard enough else { return .tooFew }
        if upper < limit { return .shownBad }
        if lower >= limit - ReadinessRules.epsilon { return .shownGood }
        return .undecided
    }

    /// Against a limit where lower is better (PPM, lot rejection): bad when the lower bound is above.
    func atMost(_ limit: Double) -> Judgement {
        guard enough else { return .tooFew }
        if lower > limit { return .shownBad }
        if upper <= limit + ReadinessRules.epsilon { return .shownGood }
        return .undecided
    }
}

extension Estimate {
    /// A share by Wilson bounds at `z`.
    static func share(_ successes: Int, of trials: Int, z: Double, minimum: Int) -> Estimate? {
        guard trials > 0 else { return nil }
        let b = Bounds.wilson(successes: successes, trials: trials, z: z)
        return Estimate(
            value: Double(successes) / Double(trials), lower: b.lower, upper: b.upper, n: trials,
            enough: trials >= minimum)
    }

    /// PPM of `defective` in `received` units, by exact Poisson bounds on the defective count.
    static func ppm(defective: Double, received: Double, lots: Int, confidence: Double, minimumLots: Int)
        -> Estimate?
    {
        guard received > 0, received.isFinite, defective.isFinite, defective >= 0 else { return nil }
        let b = Bounds.poisson(count: defective, confidence: confidence)
        let scale = 1_000_000 / received
        return Estimate(
            value: defective * scale, lower: b.lower * scale, upper: b.upper * scale, n: lots,
            enough: lots >= minimumLots)
    }
}
