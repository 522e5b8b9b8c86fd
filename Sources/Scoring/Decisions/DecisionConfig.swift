/// Every threshold of the decisions, with the defaults documented in docs/decisions.md.
///
/// Comparisons are stated on each key: "at least" keys are inclusive (a figure exactly at the key
/// passes), "above"/"below" keys are exclusive (a figure exactly at the key does not trigger).
public struct DecisionConfig: Sendable, Hashable {
    // Recommended status.
    /// In qualification while the look-back holds fewer lots (receipts) than this.
    public var qualificationMinLots = 5
    /// In qualification while the look-back holds fewer judged due lines than this.
    public var qualificationMinDueLines = 5
    /// Probation when OTD of the current window is below this.
    public var probationOTD = 0.80
    /// Probation when PPM of the current window is above this.
    public var probationPPM = 10_000.0
    /// Probation when CoA conformance of the current window is below this.
    public var probationConformance = 0.90
    /// Conditional when OTD is below this (and not on probation).
    public var conditionalOTD = 0.90
    /// Conditional when PPM is above this.
    public var conditionalPPM = 2_000.0
    /// Conditional when CoA conformance is below this.
    public var conditionalConformance = 0.98
    /// The OTD limits apply only with at least this many judged due lines in the current window.
    public var limitsMinDueLines = 5
    /// The PPM and conformance limits apply only with at least this many lots received in the current window.
    public var limitsMinLots = 3
    /// Probation when lot rejection (lots rejected / lots received) of the current window is above this.
    public var probationLotRejection = 0.20
    /// Conditional when lot rejection is above this.
    public var conditionalLotRejection = 0.05
    /// Conditional when a characteristic's Cpk (over the latest `readinessCpkLots` lots) is below this.
    public var conditionalCpk = 1.33
    /// One-sided confidence at which a probation limit must be shown passed (Wilson bound for shares,
    /// exact Poisson bound for PPM): an estimate noise could have put past the limit judges nothing.
    public var probationConfidence = 0.95
    /// The same for the conditional limits.
    public var conditionalConfidence = 0.90

    // Scale-up readiness.
    /// Consecutive conforming lots, up to the as-of day, that prove repeatable small batches (at least).
    public var readinessLots = 10
    /// Cpk every characteristic must be shown to reach: its lower bound at `readinessConfidence`
    /// (Bissell) at least this.
    public var readinessCpk = 1.33
    /// A characteristic needs at least this many lots with results for its Cpk to be judged at all.
    public var readinessCpkMinLots = 10
    /// Cpk is computed over the latest this many lots of the look-back (all of them when fewer).
    public var readinessCpkLots = 30
    /// OTD is judged over at most this many latest judged due lines of the material.
    public var readinessDueLines = 30
    /// OTD over those lines must be shown to reach this: its Wilson lower bound at least this.
    public var readinessOTD = 0.90
    /// Coefficient of variation of actual lead time over those lines (at most).
    public var readinessLeadTimeCV = 0.2
    /// Share of messages answered within the scoring SLA (`responseSLAHours`) (at least); the median
    /// response must also be within the SLA.
    public var readinessWithinSLARate = 0.8
    /// One-sided confidence of the readiness bounds: ready needs the lower bound at the threshold,
    /// not ready the upper bound below it; in between is too few to judge.
    public var readinessConfidence = 0.80

    // Exposure.
    /// A critical material needs at least this many approved or conditional sources.
    public var minimumSources = 2
    /// scale_up_cost_gap when the volume-tier price is more than this fraction above the unit price paid
    /// on recent small orders (exclusive: exactly 15 % does not raise).
    public var costGap = 0.15
    /// scale_up_lead_time_gap when the volume-tier lead time is at least this many times the small-batch
    /// quoted one or the recent actual one (inclusive: exactly 2× raises).
    public var leadTimeGapFactor = 2.0

    // Inspection level (ISO 2859-1).
    /// Switching-score points per lot accepted under normal inspection (2 for plans with acceptance
    /// number 0 or 1; 3 for Ac ≥ 2 when the lot also passes one AQL step tighter).
    public var switchingScorePerLot = 2
    /// Normal → reduced once the switching score reaches this (at least).
    public var switchingScoreLimit = 30
    /// A gap longer than this many days between two lots means production was not steady: reduced returns
    /// to normal and the switching score restarts.
    public var productionGapDays = 90
    /// Cumulative lots rejected under tightened inspection that discontinue acceptance.
    public var discontinueRejections = 5
    /// Skip-lot (ISO 2859-3) candidate: at least this many consecutive accepted lots …
    public var skipLotLots = 10
    /// … over a supply history of at least this many days.
    public var skipLotHistoryDays = 180

    // One score.
    public var weightQuality = 0.35
    public var weightDelivery = 0.35
    public var weightResponsiveness = 0.15
    public var weightRisk = 0.15
    /// PPM at which the PPM component of the quality sub-score reaches 0 (linear from 100 at 0 PPM).
    public var qualityZeroPPM = 10_000.0
    /// Rates at which a component reaches 0 points (linear up to 100 at a rate of 1): a supplier on time
    /// two times in three is a poor supplier, not a two-thirds-good one.
    public var deliveryZeroRate = 0.5
    public var responsivenessZeroRate = 0.5
    /// Lot acceptance (1 − lot rejection rate) at which that quality component reaches 0.
    public var lotAcceptanceZeroRate = 0.8
    public var conformanceZeroRate = 0.8
    /// Grade bands on the overall score rounded to one decimal (inclusive lower bounds).
    public var gradeA = 85.0
    public var gradeB = 70.0
    public var gradeC = 55.0

    public init() {}
}
