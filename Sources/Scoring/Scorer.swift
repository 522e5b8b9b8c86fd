import Domain
import Foundation

/// Everything scoring one supplier produces.
public struct SupplierResult: Sendable {
    public var score: SupplierScore
    /// Flags in a deterministic order (kind, material, characteristic, message).
    public var flags: [Flag]
    public var currentWindow: DayWindow
    public var baselineWindow: DayWindow
    /// Delivery figures of the current window, with each judged line.
    public var delivery: DeliveryFigures
    /// Delivery figures of the baseline window (for the risk comparison).
    public var baselineDelivery: DeliveryFigures
    public var quality: QualityFigures
    public var responsiveness: ResponsivenessFigures
    public var baselineResponsiveness: ResponsivenessFigures
    /// One entry per material × characteristic series with numeric results, ordered by material
    /// and characteristic.
    public var capabilities: [CharacteristicCapability]
    /// The control chart of each capability series, in the same order; lots not yet marked by flags
    /// (``ControlChartRecord/markingFlaggedLots(_:)`` does that once every flag of the supplier is known).
    public var charts: [ControlChartRecord]
    /// Responsiveness per calendar month over the baseline and current windows (months with messages).
    public var monthlyResponse: [MonthlyResponseFigures]
    public var risk: PriorityRisk
}

/// Scores one supplier as of a day. Pure: the same inputs and day give the same result.
public struct Scorer: Sendable {
    public var config: ScoringConfig

    public init(config: ScoringConfig) {
        self.config = config
    }

    /// The instant that ends `day` in the configured time zone: message ages are measured at it,
    /// and answers after it are not yet known.
    public func endOfDay(_ day: Day) -> Date {
        let nextMidnightUTC = Date(timeIntervalSince1970: Double(day.daysSinceEpoch + 1) * 86_400)
        let offset = config.timeZone.secondsFromGMT(for: nextMidnightUTC)
        return nextMidnightUTC.addingTimeInterval(-Double(offset))
    }

    /// Pure: same inputs → same outputs (deterministic ordering of flags).
    public func score(_ inputs: SupplierInputs, asOf: Day) -> SupplierResult {
        let current = DayWindow.current(asOf: asOf, days: config.currentWindowDays)
        let baseline = DayWindow.before(current, days: config.baselineWindowDays)
        let instant = endOfDay(asOf)
        let supplierId = inputs.supplier.supplierId

        let deliveryCalc = DeliveryCalculator(config: config)
        let delivery = deliveryCalc.figures(
            lines: inputs.orderLines, quotations: inputs.quotations, window: current, asOf: asOf)
        let baselineDelivery = deliveryCalc.figures(
            lines: inputs.orderLines, quotations: inputs.quotations, window: baseline, asOf: asOf)
        let quality = QualityCalculator(config: config).figures(inputs, window: current, asOf: asOf)
        let responseCalc = ResponsivenessCalculator(config: config)
        let responsiveness = responseCalc.figures(inputs.communications, window: current, at: instant)
        let baselineResponsiveness = responseCalc.figures(
            inputs.communications, window: baseline, at: instant)

        var score = SupplierScore(supplierId: supplierId)
        score.fill(delivery: delivery, quality: quality, responsiveness: responsiveness)
        score.coaCollectedSince = config.coaCollectedSince(for: supplierId)

        var flags: [Flag] = []
        let flagger = FlagWriter(config: config, supplierId: supplierId)
        flags += flagger.missingCoA(quality.missingCoA, inputs: inputs)
        flags += flagger.slowResponse(responsiveness, window: current).map { [$0] } ?? []
        let (capabilities, charts, driftFlags) = DriftAnalysis(config: config, supplierId: supplierId)
            .run(inputs, asOf: asOf, window: current)
        flags += driftFlags
        let riskCalc = PriorityRiskCalculator(config: config)
        let risk = riskCalc.assess(
            recent: delivery, baseline: baselineDelivery, recentResponse: responsiveness,
            baselineResponse: baselineResponsiveness)
        score.riskScore = risk.score
        score.riskLevel = risk.level
        if let flag = riskCalc.flag(risk, supplierId: supplierId, current: current, baseline: baseline) {
            flags.append(flag)
        }

        return SupplierResult(
            score: score, flags: flags.sorted(by: Flag.deterministicOrder), currentWindow: current,
            baselineWindow: baseline, delivery: delivery, baselineDelivery: baselineDelivery,
            quality: quality, responsiveness: responsiveness, baselineResponsiveness: baselineResponsiveness,
            capabilities: capabilities, charts: charts,
            monthlyResponse: responseCalc.byMonth(
                inputs.communications, window: DayWindow(first: baseline.first, last: current.last),
                at: instant),
            risk: risk)
    }
}

extension SupplierScore {
    mutating func fill(
        delivery d: DeliveryFigures, quality q: QualityFigures, responsiveness r: ResponsivenessFigures
    ) {
        dueLines = d.dueLines
        otdRate = d.otdRate
        otifRate = d.otifRate
        avgDaysLate = d.avgDaysLate
        openLines = d.openLines
        lateLines = d.lateLines
        repromiseRate = d.repromiseRate
        avgDaysMoved = d.avgDaysMoved
        medianConfirmationHours = d.medianConfirmationHours
        avgLeadTimeDays = d.avgLeadTimeDays
        avgQuotedLeadTimeDays = d.avgQuotedLeadTimeDays
        leadTimeCV = d.leadTimeCV

        lotsReceived = q.lotsReceived
        receivedQuantity = q.receivedQuantity
        defectiveQuantity = q.defectiveQuantity
        ppm = q.ppm
        lotRejectionRate = q.lotRejectionRate
        rejectedLots = q.rejectedLots
        unlinkedDefects = q.unlinkedDefects
        coaResults = q.coaResults
        coaConformanceRate = q.coaConformanceRate
        coaEdgeRate = q.coaEdgeRate
        missingCoALots = q.missingCoA.count
        pendingCoALots = q.pendingCoALots

        messages = r.messages
        answeredMessages = r.answered
        pendingMessages = r.pending
        medianResponseHours = r.medianResponseHours
        withinSLARate = r.withinSLARate
        unansweredOverdue = r.unansweredOverdue
        unansweredShare = r.unansweredShare
    }
}

extension Flag {
    /// Kind, then material, characteristic, message: stable across runs.
    static func deterministicOrder(_ a: Flag, _ b: Flag) -> Bool {
        (a.kind.rawValue, a.materialId ?? "", a.characteristic ?? "", a.message)
            < (b.kind.rawValue, b.materialId ?? "", b.characteristic ?? "", b.message)
    }
}
