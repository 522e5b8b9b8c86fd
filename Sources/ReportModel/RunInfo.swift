import Domain
import Foundation

/// The run whose results a report shows (`scorecard.runs`).
public struct RunInfo: Sendable, Hashable {
    public var runId: Int64
    public var asOf: Day
    /// `running`, `succeeded` or `failed`, as stored.
    public var status: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var counts: RunCounts
    /// The previous successful run, for "changed since" figures; nil on the first run.
    public var previousRunId: Int64?
    public var previousAsOf: Day?
    /// The stored error of a failed run.
    public var error: String?
    /// The days the run's current and baseline windows covered; nil for runs that did not store them.
    public var windows: RunWindows?
    /// What an operator must know to read the run right (`scorecard.run_notices`), e.g. a bulk arrival.
    public var notices: [String] = []

    public init(
        runId: Int64, asOf: Day, status: String, startedAt: Date, finishedAt: Date? = nil,
        counts: RunCounts = RunCounts(), previousRunId: Int64? = nil, previousAsOf: Day? = nil,
        error: String? = nil
    ) {
        self.runId = runId
        self.asOf = asOf
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.counts = counts
        self.previousRunId = previousRunId
        self.previousAsOf = previousAsOf
        self.error = error
    }
}

/// The counts a run records in its summary.
public struct RunCounts: Sendable, Hashable {
    public var suppliersScored: Int
    public var documentsAccepted: Int
    public var documentsRejected: Int
    public var flagsRaised: Int

    public init(
        suppliersScored: Int = 0, documentsAccepted: Int = 0, documentsRejected: Int = 0, flagsRaised: Int = 0
    ) {
        self.suppliersScored = suppliersScored
        self.documentsAccepted = documentsAccepted
        self.documentsRejected = documentsRejected
        self.flagsRaised = flagsRaised
    }
}

/// The days a run's windows covered, as the run stored them.
public struct RunWindows: Sendable, Hashable {
    public var currentFirst: Day
    public var currentLast: Day
    public var baselineFirst: Day
    public var baselineLast: Day

    public init(currentFirst: Day, currentLast: Day, baselineFirst: Day, baselineLast: Day) {
        self.currentFirst = currentFirst
        self.currentLast = currentLast
        self.baselineFirst = baselineFirst
        self.baselineLast = baselineLast
    }
}
