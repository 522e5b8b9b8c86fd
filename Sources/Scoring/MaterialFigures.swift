import Domain

/// The figures of one supplier × material in the current window, computed once by the run and stored
/// (`scorecard_store.supplier_material_figures`), so the material pages and the views compare sources
/// with the same numbers. Each figure reuses the supplier-wide rule on the material's rows only
/// (``DeliveryCalculator``, ``QualityCalculator``, ``QuotationTiers``); definitions in docs/metrics.md.
public struct MaterialFigures: Sendable, Hashable {
    public var supplierId: String
    public var materialId: String
    /// Judged due lines of the current window: the n of OTD, OTIF and days late.
    public var dueLines: Int
    public var otdRate: Double?
    public var otifRate: Double?
    /// Mean days late over the judged lines, on-time lines counting 0.
    public var avgDaysLate: Double?
    public var ppm: Double?
    public var lotsReceived: Int
    /// Median days from order to first receipt over the judged lines with a receipt.
    public var medianLeadTimeDays: Double?
    /// Judged lines with an actual lead time.
    public var leadTimeLines: Int
    /// Coefficient of variation (sd / mean) of those actual lead times.
    public var leadTimeCV: Double?
    /// Mean quoted lead time (the tier that applied when each line was ordered) over the judged lines
    /// that have both an actual and a quoted lead time.
    public var quotedLeadTimeDays: Double?
    /// The median quantity of the live lines ordered in the current window: the supplier's recent
    /// typical order. Nil when none was ordered, or when those lines use more than one unit.
    public var typicalQuantity: Double?
    /// The unit of the lines ordered in the current window; nil when none or more than one.
    public var orderUnit: String?
    /// The lines ordered in the current window use more than one unit: no typical quantity, no tier.
    public var unitMismatch: Bool
    /// The current quotation tier the typical quantity falls in (the highest minimum quantity it reaches).
    public var volumeTier: Quotation?
    /// Live lines ordered by the as-of day and not fully received by it (lines in the run's scope: due,
    /// ordered or received in the look-back).
    public var openLines: Int
    /// Still to receive on those lines, in ``openUnit``; nil when there are none or their units differ.
    public var openQuantity: Double?
    public var openUnit: String?
    /// Open quantity × order price over the open lines with a price (currency not recorded); nil when
    /// no open line has a price.
    public var openValue: Double?
    /// Open lines without a price (not in ``openValue``).
    public var unpricedOpenLines: Int

    /// Price per unit at the volume tier (currency not recorded).
    public var volumeTierPrice: Double? { volumeTier?.unitPrice }
    /// Lead time quoted at the volume tier, in days.
    public var volumeTierLeadTimeDays: Int? { volumeTier?.leadTimeDays }
}

extension MaterialFigures {
    /// The supplier's open order value: the sum over its materials' (each in its own unit's price, so
    /// only a value adds up across materials); nil when no material has a priced open line.
    static func totalOpenValue(_ figures: [MaterialFigures]) -> Double? {
        let values = figures.compactMap(\.openValue)
        return values.isEmpty ? nil : values.reduce(0, +)
    }
}

/// Computes ``MaterialFigures`` from one material's inputs and the run's windows.
struct MaterialFiguresCalculator {
    var config: ScoringConfig

    /// `inputs` hold only the material's rows; `outcomes` are its lines as the supplier's delivery figures
    /// judged them in `window`, and `quality` is ``QualityCalculator``'s figures of its rows there (the
    /// decisions have both anyway: no line is judged twice).
    func figures(
        _ inputs: SupplierInputs, material: String, outcomes: [LineOutcome], quality: QualityFigures,
        window: DayWindow, asOf: Day
    ) -> MaterialFigures {
        var delivery = DeliveryFigures(window: window)
        delivery.outcomes = outcomes
        delivery.summariseOutcomes()
        let leadTimes = delivery.outcomes.compactMap { $0.leadTimeDays.map(Double.init) }
        let live = inputs.orderLines.filter {
            !$0.cancelled && $0.materialId == material && $0.orderedOn <= asOf
        }

        let recent = live.filter { window.contains($0.orderedOn) }
        let recentUnits = Set(recent.map(\.unit))
        let unitMismatch = recentUnits.count > 1
        let typical = unitMismatch ? nil : Stats.median(recent.map(\.quantity))
        let tiers = QuotationTiers.current(inputs.quotations, material: material, asOf: asOf)
        let tier = typical.flatMap { QuotationTiers.tier(at: $0, in: tiers) }

        var open: [(line: OrderLine, quantity: Double)] = []
        for line in live {
            // Receipts after the as-of day were not known then (as in the delivery judgement).
            let received = line.receipts.filter { $0.receivedOn <= asOf }.reduce(0) { $0 + $1.quantity }
            if received < line.quantity { open.append((line, line.quantity - received)) }
        }
        let openUnits = Set(open.map(\.line.unit))
        let priced = open.compactMap { o in o.line.unitPrice.map { o.quantity * $0 } }

        return MaterialFigures(
            supplierId: inputs.supplier.supplierId, materialId: material, dueLines: delivery.dueLines,
            otdRate: delivery.otdRate, otifRate: delivery.otifRate, avgDaysLate: delivery.avgDaysLate,
            ppm: quality.ppm, lotsReceived: quality.lotsReceived,
            medianLeadTimeDays: Stats.median(leadTimes), leadTimeLines: leadTimes.count,
            leadTimeCV: delivery.leadTimeCV, quotedLeadTimeDays: delivery.avgQuotedLeadTimeDays,
            typicalQuantity: typical, orderUnit: recentUnits.count == 1 ? recentUnits.first : nil,
            unitMismatch: unitMismatch, volumeTier: tier, openLines: open.count,
            openQuantity: openUnits.count == 1 ? open.reduce(0) { $0 + $1.quantity } : nil,
            openUnit: openUnits.count == 1 ? openUnits.first : nil,
            openValue: priced.isEmpty ? nil : priced.reduce(0, +),
            unpricedOpenLines: open.count - priced.count)
    }
}
