import Domain
import Foundation

/// Every threshold the scoring uses, with the defaults documented in docs/metrics.md.
public struct ScoringConfig: Sendable, Hashable {
    // Windows.
    /// The current window: this many days up to and including the as-of day.
    public var currentWindowDays = 90
    /// The baseline window: this many days immediately before the current window.
    public var baselineWindowDays = 180
    /// The zone whose midnight ends the as-of day (the instant message ages are measured at).
    public var timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current

    // Delivery.
    /// Days after the due date a first receipt still counts as on time.
    public var deliveryGraceDays = 0
    /// When set, a first receipt more than this many days before due is not on time.
    public var earlyLimitDays: Int? = nil
    /// In full: received quantity ≥ ordered × (1 − tolerance).
    public var inFullTolerance = 0.02

    // Quality and CoAs.
    /// Days after receipt within which an accepted CoA must exist.
    public var missingCoADays = 3
    /// CoAs are collected since this day: lots received before it are never missing one (nil: always).
    public var coaCollectedSince: Day? = nil
    /// A supplier's own start of collection, overriding ``coaCollectedSince`` for it.
    public var coaCollectedSinceBySupplier: [String: Day] = [:]
    /// Lots of a critical material without a CoA in the window that make `missing_coa` critical.
    public var criticalMissingCoALots = 2

    // Responsiveness.
    public var responseSLAHours = 48.0
    /// slow_response needs at least this many judged messages (answered or overdue).
    public var slowResponseMinMessages = 3
    /// slow_response when the share answered within SLA is below this.
    public var minWithinSLARate = 0.8

    // Drift (SPC).
    public var baselineLots = 10
    public var recentLots = 10
    public var ewmaLambda = 0.2
    public var ewmaL = 3.0
    /// Lots a stored control chart keeps (the latest ones).
    public var chartLots = 60
    /// Floor of the baseline standard deviation, as a fraction of the tolerance width
    /// (two-sided) or of the distance from the baseline mean to the one limit (one-sided).
    public var sdFloorFraction = 0.01
    /// Widen the EWMA limits by the uncertainty of a baseline mean estimated from `baselineLots` lots.
    public var ewmaBaselineMeanCorrection = true
    /// The shift test flags a series when its evidence (Bonferroni p-value over its contrasts and
    /// directions) is at or below this: the in-control false-alarm rate per series and night.
    public var driftFalseAlarmRate = 0.005
    /// Lots after the baseline before the shift test is asked.
    public var driftMinRecentLots = 5
    /// Edge-share rule: the recent mean must have moved by more than this many standard errors.
    public var edgeShiftStandardErrors = 3.0
    /// Lots in a row, each closer to the same limit, for the trend rule.
    public var trendLots = 6
    /// Drift is critical when the projection to the limit is this many lots or fewer.
    public var criticalProjectionLots = 5.0
    /// Drift is critical when the recent Cpk is below this.
    public var criticalCpk = 1.0

    // CoA credibility.
    /// Identical result sets on at least this many lots.
    public var credibilityRepeatLots = 3
    /// Lab comparison needs at least this many lots measured by both.
    public var credibilityMinLabLots = 5
    /// Lab offset must exceed this fraction of the tolerance width.
    public var credibilityOffsetFraction = 0.05

    // Priority-position risk.
    /// Fewer judged due lines than this in either window: `insufficient_data`.
    public var minDueLines = 8
    /// A change in a share (OTD, OTIF, large-order gap, unanswered) scores only beyond this many standard
    /// errors of the difference: small windows do not raise risk on chance alone.
    public var riskNoiseZ = 2.0
    /// A drift of a process whose recent Cpk is at least this, with no projection to the limit within
    /// `driftQuietProjectionLots`, is stored but not flagged.
    public var driftQuietCpk = 2.0
    public var driftQuietProjectionLots = 25.0
    public var riskMediumScore = 25.0
    public var riskHighScore = 50.0

    public init() {}
}

extension ScoringConfig {
    /// Since when `supplierId`'s CoAs are collected: its own day, else the global one, else nil (always).
    public func coaCollectedSince(for supplierId: String) -> Day? {
        coaCollectedSinceBySupplier[supplierId] ?? coaCollectedSince
    }
}
