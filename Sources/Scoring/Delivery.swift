import Domain

/// How one order line due in a window was judged as of the as-of day.
public struct LineOutcome: Sendable, Hashable {
    public var orderLineId: String
    public var materialId: String
    public var quantity: Double
    public var unit: String
    public var due: Day
    /// The first receipt on or before the as-of day; nil when nothing has arrived.
    public var firstReceipt: Day?
    public var onTime: Bool
    public var inFull: Bool
    /// 0 for on-time lines; otherwise days from due to the first receipt (or to the as-of day when
    /// nothing has arrived).
    public var daysLate: Int
    /// First receipt minus order day, in days.
    public var leadTimeDays: Int?
    /// Lead time quoted for this line's quantity tier (see docs/metrics.md).
    public var quotedLeadTimeDays: Int?

    public var otif: Bool { onTime && inFull }
}

/// Delivery figures of one window.
public struct DeliveryFigures: Sendable, Hashable {
    public var window: DayWindow
    /// Judged lines: due in the window, not cancelled, and either fully received or past their deadline.
    public var outcomes: [LineOutcome] = []
    /// Lines due in the window not yet judged (deadline not passed, not fully received).
    public var openLines = 0
    public var otdRate: Double?
    public var otifRate: Double?
    /// Mean days late over all judged lines, on-time lines counting 0.
    public var avgDaysLate: Double?
    public var lateLines = 0
    /// Lines due in the window whose date moved (`repromised_date` differs from the first promise).
    public var repromisedLines = 0
    public var repromiseRate: Double?
    /// Mean of (re-promised date − first promised date) over re-promised lines, in days.
    public var avgDaysMoved: Double?
    /// Median hours to confirmation over lines ordered in the window that were confirmed.
    public var medianConfirmationHours: Double?
    /// Lines ordered in the window (not cancelled) with no confirmation.
    public var unconfirmedLines = 0
    public var avgLeadTimeDays: Double?
    /// Mean quoted lead time over the judged lines that have both an actual and a quoted lead time.
    public var avgQuotedLeadTimeDays: Double?
    /// Mean actual lead time over the same lines as `avgQuotedLeadTimeDays`.
    public var avgLeadTimeVsQuotedDays: Double?
    /// Coefficient of variation (sd / mean) of actual lead time.
    public var leadTimeCV: Double?
    /// Quantity ordered per 30 days (order day in the window, cancelled lines out).
    public var orderedQuantityPerMonth: Double = 0

    public var dueLines: Int { outcomes.count }
}

/// Delivery: OTD, OTIF, days late, re-promises, confirmation latency, lead time. Definitions in docs/metrics.md.
struct DeliveryCalculator {
    var config: ScoringConfig

    func figures(
        lines: [OrderLine], quotations: [Quotation], window: DayWindow, asOf: Day
    ) -> DeliveryFigures {
        var f = DeliveryFigures(window: window)
        let live = lines.filter { !$0.cancelled }.sorted { $0.orderLineId < $1.orderLineId }
        var repromiseBase = 0
        var moved: [Double] = []
        for line in live where window.contains(line.due) {
            repromiseBase += 1
            if let re = line.repromisedDate, re != (line.promisedDate ?? line.requestedDate) {
                f.repromisedLines += 1
                moved.append(Double((line.promisedDate ?? line.requestedDate).distance(to: re)))
            }
            if let outcome = judge(line, quotations: quotations, asOf: asOf) {
                f.outcomes.append(outcome)
            } else {
                f.openLines += 1
            }
        }
        f.summariseOutcomes()
        f.repromiseRate = Stats.ratio(f.repromisedLines, repromiseBase)
        f.avgDaysMoved = Stats.mean(moved)

        let ordered = live.filter { window.contains($0.orderedOn) && $0.orderedOn <= asOf }
        f.medianConfirmationHours = Stats.median(ordered.compactMap(\.confirmationHours))
        f.unconfirmedLines = ordered.filter { $0.confirmationHours == nil }.count
        f.orderedQuantityPerMonth = ordered.reduce(0) { $0 + $1.quantity } * 30 / Double(window.days)
        return f
    }

    /// Judges one line as of `asOf`; nil while it is still open (deadline not passed, not fully received).
    func judge(_ line: OrderLine, quotations: [Quotation], asOf: Day) -> LineOutcome? {
        let due = line.due
        let deadline = due.advanced(by: config.deliveryGraceDays)
        // Receipts after the as-of day are not yet known to a run as of that day.
        let known = line.receipts.filter { $0.receivedOn <= asOf }
        let first = known.map(\.receivedOn).min()
        let byDeadline = known.filter { $0.receivedOn <= deadline }.reduce(0) { $0 + $1.quantity }
        let fullyReceived = known.reduce(0) { $0 + $1.quantity } >= requiredQuantity(line)
        guard deadline < asOf || fullyReceived else { return nil }

        var onTime = false
        if let first, first <= deadline {
            onTime = config.earlyLimitDays.map { first >= due.advanced(by: -$0) } ?? true
        }
        let inFull = byDeadline >= requiredQuantity(line)
        let arrival = first ?? asOf
        let daysLate = onTime ? 0 : max(0, due.distance(to: arrival))
        return LineOutcome(
            orderLineId: line.orderLineId, materialId: line.materialId, quantity: line.quantity,
            unit: line.unit, due: due, firstReceipt: first, onTime: onTime, inFull: inFull,
            daysLate: daysLate, leadTimeDays: first.map { line.orderedOn.distance(to: $0) },
            quotedLeadTimeDays: quotedLeadTime(for: line, quotations: quotations))
    }

    /// Ordered × (1 − tolerance), less a rounding allowance so that exactly 98 of 100 passes at 2 %.
    private func requiredQuantity(_ line: OrderLine) -> Double {
        line.quantity * (1 - config.inFullTolerance) - line.quantity * 1e-9
    }

    /// The lead time of the tier that applied when the line was ordered: among this supplier's
    /// quotations for the material quoted on or before the order day, still valid then, and with a
    /// minimum quantity the line reaches, the latest quotation day, then the highest tier.
    func quotedLeadTime(for line: OrderLine, quotations: [Quotation]) -> Int? {
        let candidates = quotations.filter {
            $0.materialId == line.materialId && $0.quotedOn <= line.orderedOn
                && ($0.validUntil.map { line.orderedOn <= $0 } ?? true) && $0.minQuantity <= line.quantity
        }
        let best = candidates.max { a, b in
            (a.quotedOn, a.minQuantity, b.quotationId) < (b.quotedOn, b.minQuantity, a.quotationId)
        }
        return best?.leadTimeDays
    }
}

extension DeliveryFigures {
    /// Fills the figures that follow from the judged lines alone (OTD, OTIF, days late, late lines, lead
    /// times): the supplier's figures and each material's (``MaterialFiguresCalculator``) use this one rule
    /// on the lines judged once.
    mutating func summariseOutcomes() {
        let n = outcomes.count
        otdRate = Stats.ratio(outcomes.filter(\.onTime).count, n)
        otifRate = Stats.ratio(outcomes.filter(\.otif).count, n)
        avgDaysLate = Stats.mean(outcomes.map { Double($0.daysLate) })
        lateLines = outcomes.filter { !$0.onTime }.count
        let leadTimes = outcomes.compactMap { $0.leadTimeDays.map(Double.init) }
        avgLeadTimeDays = Stats.mean(leadTimes)
        if let m = avgLeadTimeDays, m > 0, let sd = Stats.sampleSD(leadTimes) { leadTimeCV = sd / m }
        let paired = outcomes.compactMap { o -> (Double, Double)? in
            guard let a = o.leadTimeDays, let q = o.quotedLeadTimeDays else { return nil }
            return (Double(a), Double(q))
        }
        avgLeadTimeVsQuotedDays = Stats.mean(paired.map(\.0))
        avgQuotedLeadTimeDays = Stats.mean(paired.map(\.1))
    }
}
