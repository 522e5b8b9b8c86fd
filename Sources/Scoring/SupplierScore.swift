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
    // Responsiveness, current window.
    public var messages: Int
    public var medianResponseHours: Double?
    public var withinSLARate: Double?
    public var unansweredOverdue: Int

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
