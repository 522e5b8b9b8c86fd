import Domain

/// Delivery in one calendar month.
public struct MonthlyDelivery: Sendable, Hashable {
    /// Any day of the month; drawn as `YYYY-MM`.
    public var month: Day
    public var otdRate: Double?
    public var otifRate: Double?
    /// Due lines in the month.
    public var lines: Int

    public init(month: Day, otdRate: Double?, otifRate: Double?, lines: Int) {
        self.month = month
        self.otdRate = otdRate
        self.otifRate = otifRate
        self.lines = lines
    }
}

/// Lateness of the lines in one order-size class (e.g. the largest quarter by quantity).
public struct OrderSizeBucket: Sendable, Hashable {
    /// As the analytics name it, e.g. "largest 25 %" or "≤ 500 kg".
    public var label: String
    public var lines: Int
    public var otdRate: Double?
    public var avgDaysLate: Double?

    public init(label: String, lines: Int, otdRate: Double?, avgDaysLate: Double?) {
        self.label = label
        self.lines = lines
        self.otdRate = otdRate
        self.avgDaysLate = avgDaysLate
    }
}

/// The lot values of one characteristic of one material from one supplier, in manufacture order,
/// with the lines a control chart draws. Any limit may be absent.
public struct ControlChart: Sendable, Hashable {
    public var materialId: String
    public var characteristic: String
    public var unit: String
    public var specLower: Double?
    public var specUpper: Double?
    /// Upper bound of the lower edge band (the band is `specLower...edgeLower`).
    public var edgeLower: Double?
    /// Lower bound of the upper edge band (the band is `edgeUpper...specUpper`).
    public var edgeUpper: Double?
    public var baselineMean: Double?
    /// EWMA control limits, when stored.
    public var ewmaLowerLimit: Double?
    public var ewmaUpperLimit: Double?
    public var points: [ControlChartPoint]

    public init(
        materialId: String, characteristic: String, unit: String, specLower: Double? = nil,
        specUpper: Double? = nil, edgeLower: Double? = nil, edgeUpper: Double? = nil,
        baselineMean: Double? = nil, ewmaLowerLimit: Double? = nil, ewmaUpperLimit: Double? = nil,
        points: [ControlChartPoint] = []
    ) {
        self.materialId = materialId
        self.characteristic = characteristic
        self.unit = unit
        self.specLower = specLower
        self.specUpper = specUpper
        self.edgeLower = edgeLower
        self.edgeUpper = edgeUpper
        self.baselineMean = baselineMean
        self.ewmaLowerLimit = ewmaLowerLimit
        self.ewmaUpperLimit = ewmaUpperLimit
        self.points = points
    }
}

/// One lot on a control chart.
public struct ControlChartPoint: Sendable, Hashable {
    public var lotNumber: String
    public var lotDay: Day
    public var value: Double
    public var verdict: Verdict
    /// The EWMA after this lot; nil before the chart has a baseline.
    public var ewma: Double?
    /// Whether a flag names this lot (drawn with its own shape).
    public var flagged: Bool

    public init(
        lotNumber: String, lotDay: Day, value: Double, verdict: Verdict, ewma: Double? = nil,
        flagged: Bool = false
    ) {
        self.lotNumber = lotNumber
        self.lotDay = lotDay
        self.value = value
        self.verdict = verdict
        self.ewma = ewma
        self.flagged = flagged
    }
}

/// Responsiveness in one calendar month (messages sent that month).
public struct MonthlyResponse: Sendable, Hashable {
    /// Any day of the month; shown as `YYYY-MM`.
    public var month: Day
    public var messages: Int
    public var medianResponseHours: Double?
    public var withinSLARate: Double?
    /// Messages of the month still unanswered at the as-of date.
    public var unanswered: Int

    public init(
        month: Day, messages: Int, medianResponseHours: Double?, withinSLARate: Double?, unanswered: Int
    ) {
        self.month = month
        self.messages = messages
        self.medianResponseHours = medianResponseHours
        self.withinSLARate = withinSLARate
        self.unanswered = unanswered
    }
}

/// One ingested CoA document of the supplier (`scorecard.coa_documents`), for the page's document list.
public struct CoADocumentSummary: Sendable, Hashable {
    public var documentId: String
    public var path: String
    /// `accepted` or `rejected`, as stored.
    public var status: String
    public var lotNumber: String?
    public var materialId: String?
    public var ingestedOn: Day?
    /// Results in the document and how they were judged.
    public var results: Int
    public var failedResults: Int
    public var edgeResults: Int
    /// Why it was rejected, or a note on how it was read.
    public var reason: String?
    /// What the profile could not read into a field, one line each ("manufactured: '31/02/2026' is not a day").
    public var warnings: [String] = []

    public init(
        documentId: String, path: String, status: String, lotNumber: String? = nil, materialId: String? = nil,
        ingestedOn: Day? = nil, results: Int = 0, failedResults: Int = 0, edgeResults: Int = 0,
        reason: String? = nil
    ) {
        self.documentId = documentId
        self.path = path
        self.status = status
        self.lotNumber = lotNumber
        self.materialId = materialId
        self.ingestedOn = ingestedOn
        self.results = results
        self.failedResults = failedResults
        self.edgeResults = edgeResults
        self.reason = reason
    }
}
