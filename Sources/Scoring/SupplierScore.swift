import Domain

/// The figures of one supplier in one run, as stored in `scorecard.supplier_scores`.
/// Every rate is a fraction 0–1; nil means "no data" (never 0 or 1).
public struct SupplierScore: Sendable, Hashable {
    public var supplierId: String
    // Delivery, current window.
    public var dueLines: Int
    public var otdRate: Double?
    public var otifRate: Double?
    public var avgDaysLate: Double?
    // Quality, current window.
    public var lotsReceived: Int
    public var receivedQuantity: Double
    public var defectiveQuantity: Double
    public var ppm: Double?
    public var lotRejectionRate: Double?
    public var coaResults: Int
    public var coaConformanceRate: Double?
    public var coaEdgeRate: Double?
    public var missingCoALots: Int
    /// Since when the supplier's CoAs are collected (`coa.collected_since`); nil: always.
    public var coaCollectedSince: Day?
    // Responsiveness, current window.
    public var messages: Int
    public var medianResponseHours: Double?
    public var withinSLARate: Double?
    public var unansweredOverdue: Int

    // The analytics' figures. Same windows as above.
    /// Lines due in the current window not judged yet (deadline not passed, not fully received).
    public var openLines: Int = 0
    /// Judged lines that were not on time.
    public var lateLines: Int = 0
    public var repromiseRate: Double?
    public var avgDaysMoved: Double?
    public var medianConfirmationHours: Double?
    public var avgLeadTimeDays: Double?
    /// Quoted lead time for the tier of each line, averaged over lines with both figures.
    public var avgQuotedLeadTimeDays: Double?
    public var leadTimeCV: Double?
    public var rejectedLots: Int = 0
    public var unlinkedDefects: Int = 0
    public var pendingCoALots: Int = 0
    public var answeredMessages: Int = 0
    /// Unanswered messages still younger than the SLA (not judged).
    public var pendingMessages: Int = 0
    public var unansweredShare: Double?
    /// Priority-position risk 0–100; nil when the level is `insufficient_data`.
    public var riskScore: Double?
    public var riskLevel: RiskLevel?

    public init(supplierId: String) {
        self.supplierId = supplierId
        dueLines = 0
        lotsReceived = 0
        receivedQuantity = 0
        defectiveQuantity = 0
        coaResults = 0
        missingCoALots = 0
        messages = 0
        unansweredOverdue = 0
    }
}

/// All that one run computes, written in one transaction.
public struct RunResults: Sendable {
    public var scores: [SupplierScore]
    public var flags: [Flag]

    public init(scores: [SupplierScore] = [], flags: [Flag] = []) {
        self.scores = scores
        self.flags = flags
    }
}

/// Priority-position risk level (stored as text).
public enum RiskLevel: String, Sendable, Hashable, CaseIterable {
    case low, medium, high
    case insufficientData = "insufficient_data"
}
