import Domain

/// One supplier's stored results in one run, with what its page draws.
/// Every rate is a fraction 0–1; nil means "no data" and renders as such (never 0 % or 100 %).
public struct SupplierReport: Sendable, Hashable {
    public var supplierId: String
    public var name: String
    /// The overall score 0–100 (docs/decisions.md); nil when there is no score (no data at all, or not computed).
    public var overallScore: Double?
    public var grade: String?
    /// `in_qualification`, `qualified`, `conditional`, `probation`, as stored; nil when not computed.
    public var recommendedStatus: String?
    /// Why the status was recommended, one plain sentence each.
    public var statusReasons: [String]
    /// Ready for volume (docs/decisions.md); nil when not assessed.
    public var scaleUpReady: Bool?
    /// What to do (one sentence), for every status but qualified.
    public var action: String?
    /// The materials the supplier is ready for volume with.
    public var readyMaterials: [String] = []
    /// The verdict's risk: `high`, `medium`, `low`, `unknown`; nil when not computed.
    public var verdictRisk: String?
    /// One verdict per material the supplier delivers, ordered by material.
    public var materialVerdicts: [MaterialVerdict] = []
    /// The stored capability of each characteristic it delivers, by material then characteristic.
    public var capabilities: [CharacteristicCapability] = []
    /// Per material, the current window's figures as the run stored them.
    public var materialFigures: [SourceFigures] = []
    /// Open order value over all its materials (currency not recorded); nil when no priced open line.
    public var openOrderValue: Double?
    /// Its line in the index's "Today" block; nil when it has none.
    public var today: TodayEntry?
    public var delivery: DeliveryFigures
    public var quality: QualityFigures
    public var responsiveness: ResponsivenessFigures
    /// nil when priority-position risk was not computed.
    public var priorityRisk: PriorityRisk?
    /// This supplier's standing in the previous successful run; nil when it was not in it (new).
    public var previous: PreviousStanding?
    public var flags: [Flag]
    public var monthlyDelivery: [MonthlyDelivery]
    public var lateness: [OrderSizeBucket]
    public var controlCharts: [ControlChart]
    public var monthlyResponse: [MonthlyResponse]
    /// The supplier's CoA documents to list on its page (the caller chooses how many, e.g. the window's).
    public var documents: [CoADocumentSummary]

    public init(
        supplierId: String, name: String, overallScore: Double? = nil, grade: String? = nil,
        recommendedStatus: String? = nil, statusReasons: [String] = [], scaleUpReady: Bool? = nil,
        delivery: DeliveryFigures = DeliveryFigures(), quality: QualityFigures = QualityFigures(),
        responsiveness: ResponsivenessFigures = ResponsivenessFigures(), priorityRisk: PriorityRisk? = nil,
        previous: PreviousStanding? = nil, flags: [Flag] = [], monthlyDelivery: [MonthlyDelivery] = [],
        lateness: [OrderSizeBucket] = [], controlCharts: [ControlChart] = [],
        monthlyResponse: [MonthlyResponse] = [], documents: [CoADocumentSummary] = []
    ) {
        self.supplierId = supplierId
        self.name = name
        self.overallScore = overallScore
        self.grade = grade
        self.recommendedStatus = recommendedStatus
        self.statusReasons = statusReasons
        self.scaleUpReady = scaleUpReady
        self.delivery = delivery
        self.quality = quality
        self.responsiveness = responsiveness
        self.priorityRisk = priorityRisk
        self.previous = previous
        self.flags = flags
        self.monthlyDelivery = monthlyDelivery
        self.lateness = lateness
        self.controlCharts = controlCharts
        self.monthlyResponse = monthlyResponse
        self.documents = documents
    }

    /// Score now minus score in the previous run; nil unless both exist.
    public var scoreChange: Double? {
        guard let now = overallScore, let before = previous?.overallScore else { return nil }
        return now - before
    }
}

/// Delivery over the current window.
public struct DeliveryFigures: Sendable, Hashable {
    public var dueLines: Int
    public var otdRate: Double?
    public var otifRate: Double?
    public var avgDaysLate: Double?

    public init(
        dueLines: Int = 0, otdRate: Double? = nil, otifRate: Double? = nil, avgDaysLate: Double? = nil
    ) {
        self.dueLines = dueLines
        self.otdRate = otdRate
        self.otifRate = otifRate
        self.avgDaysLate = avgDaysLate
    }
}

/// Quality over the current window.
public struct QualityFigures: Sendable, Hashable {
    public var lotsReceived: Int
    public var ppm: Double?
    public var lotRejectionRate: Double?
    public var coaConformanceRate: Double?
    public var coaEdgeRate: Double?
    public var missingCoALots: Int
    /// Since when CoAs are collected from the supplier (lots before it are never missing one); nil: always.
    public var coaCollectedSince: Day? = nil

    public init(
        lotsReceived: Int = 0, ppm: Double? = nil, lotRejectionRate: Double? = nil,
        coaConformanceRate: Double? = nil, coaEdgeRate: Double? = nil, missingCoALots: Int = 0
    ) {
        self.lotsReceived = lotsReceived
        self.ppm = ppm
        self.lotRejectionRate = lotRejectionRate
        self.coaConformanceRate = coaConformanceRate
        self.coaEdgeRate = coaEdgeRate
        self.missingCoALots = missingCoALots
    }
}

/// Responsiveness over the current window.
public struct ResponsivenessFigures: Sendable, Hashable {
    public var messages: Int
    public var medianResponseHours: Double?
    public var withinSLARate: Double?
    public var unansweredOverdue: Int

    public init(
        messages: Int = 0, medianResponseHours: Double? = nil, withinSLARate: Double? = nil,
        unansweredOverdue: Int = 0
    ) {
        self.messages = messages
        self.medianResponseHours = medianResponseHours
        self.withinSLARate = withinSLARate
        self.unansweredOverdue = unansweredOverdue
    }
}

/// Priority-position risk (docs/metrics.md): a 0–100 score and its level.
public struct PriorityRisk: Sendable, Hashable {
    /// nil when the level is `insufficient_data`.
    public var score: Double?
    /// `low`, `medium`, `high` or `insufficient_data`, as stored.
    public var level: String

    public init(score: Double?, level: String) {
        self.score = score
        self.level = level
    }
}

/// A supplier's standing in the previous successful run.
public struct PreviousStanding: Sendable, Hashable {
    public var overallScore: Double?
    public var grade: String?
    public var recommendedStatus: String?
    public var riskLevel: String?
    public var flagCount: Int
    /// The flags open in the previous run, as stored then: what "new" and "closed" flags compare with.
    public var flags: [PreviousFlag]

    public init(
        overallScore: Double? = nil, grade: String? = nil, recommendedStatus: String? = nil,
        riskLevel: String? = nil, flagCount: Int = 0, flags: [PreviousFlag] = []
    ) {
        self.overallScore = overallScore
        self.grade = grade
        self.recommendedStatus = recommendedStatus
        self.riskLevel = riskLevel
        self.flagCount = flagCount
        self.flags = flags
    }
}

/// A flag of the previous run, by what it is about: a flag of this run with the same kind, material and
/// characteristic is the same finding still open.
public struct PreviousFlag: Sendable, Hashable {
    public var kind: FlagKind
    public var severity: Severity
    public var materialId: String?
    public var characteristic: String?
    public var message: String

    public init(
        kind: FlagKind, severity: Severity, materialId: String? = nil, characteristic: String? = nil,
        message: String
    ) {
        self.kind = kind
        self.severity = severity
        self.materialId = materialId
        self.characteristic = characteristic
        self.message = message
    }
}
