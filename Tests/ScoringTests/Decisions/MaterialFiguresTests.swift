import Domain
import Testing

@testable import Scoring

/// The per supplier × material figures, worked out by hand. As of 2026-06-30 the current window is
/// 2026-04-02 … 2026-06-30.
@Suite struct MaterialFiguresTests {
    static let asOf = B.day("2026-06-30")
    static let window = DayWindow.current(asOf: asOf, days: 90)
    let calc = MaterialFiguresCalculator(config: ScoringConfig())

    func figures(_ inputs: SupplierInputs, material: String = "MAT-1") -> MaterialFigures {
        let part = inputs.byMaterial()[material] ?? SupplierInputs(supplier: inputs.supplier)
        let quality = QualityCalculator(config: ScoringConfig()).figures(
            part, window: Self.window, asOf: Self.asOf)
        // The lines as the supplier's delivery figures judge them, as the decisions pass them on.
        let outcomes = DeliveryCalculator(config: ScoringConfig()).figures(
            lines: inputs.orderLines, quotations: inputs.quotations, window: Self.window, asOf: Self.asOf
        ).outcomes.filter { $0.materialId == material }
        return calc.figures(
            part, material: material, outcomes: outcomes, quality: quality, window: Self.window,
            asOf: Self.asOf)
    }

    static func priced(_ line: OrderLine, _ price: Double?) -> OrderLine {
        var l = line
        l.unitPrice = price
        return l
    }

    @Test func noLinesGiveNoFigures() {
        let f = figures(SupplierInputs(supplier: B.supplier))
        #expect(f.dueLines == 0)
        #expect(f.otdRate == nil && f.otifRate == nil && f.avgDaysLate == nil)
        #expect(f.ppm == nil && f.lotsReceived == 0)
        #expect(f.medianLeadTimeDays == nil && f.leadTimeLines == 0 && f.leadTimeCV == nil)
        #expect(f.typicalQuantity == nil && f.orderUnit == nil && !f.unitMismatch && f.volumeTier == nil)
        #expect(f.openLines == 0 && f.openQuantity == nil && f.openUnit == nil && f.openValue == nil)
    }

    /// The clean world of ``DecisionMakerTests``: three 100 kg lines ordered in the window, each received
    /// in full on its requested date 10 days later; the 50 kg tier (Q-S: 10.00, 10 days) applies to
    /// 100 kg, not the 300 kg one; Q-EXP expired, Q-FUT not yet quoted.
    @Test func cleanSupplierThroughTheDecisions() {
        let decision = DecisionMaker(config: DecisionConfig()).decide(
            result: Scorer(config: ScoringConfig()).score(DecisionMakerTests.cleanInputs(), asOf: Self.asOf),
            inputs: DecisionMakerTests.cleanInputs(), specifications: DecisionMakerTests.specs)
        #expect(
            decision.materialFigures.map(\.materialId) == decision.materialStatuses.compactMap(\.materialId))
        guard let f = decision.materialFigures.first else {
            Issue.record("no figures")
            return
        }
        #expect(f.dueLines == 3 && f.otdRate == 1 && f.otifRate == 1 && f.avgDaysLate == 0)
        #expect(f.lotsReceived == 3 && f.ppm == 0)
        #expect(f.medianLeadTimeDays == 10 && f.leadTimeLines == 3 && f.leadTimeCV == 0)
        #expect(f.quotedLeadTimeDays == 10)
        #expect(f.typicalQuantity == 100 && f.orderUnit == "kg")
        #expect(
            f.volumeTier?.quotationId == "Q-S" && f.volumeTierPrice == 10 && f.volumeTierLeadTimeDays == 10)
        #expect(f.openLines == 0 && f.openQuantity == nil && f.openValue == nil)
        #expect(decision.openOrderValue == nil)
    }

    @Test func theTierOfTheTypicalQuantity() {
        var inputs = DecisionMakerTests.cleanInputs()
        // Two more lines of 400 kg in the window: 100, 100, 100, 400, 400 has median 100; a third makes it 250,
        // a fourth (100 ×3, 400 ×4) 400, which reaches the 300 kg tier.
        for k in 0..<4 {
            inputs.orderLines.append(
                Self.priced(
                    B.line("BIG\(k)", qty: 400, ordered: "2026-06-0\(k + 1)", requested: "2026-07-20"), 8.8))
        }
        let f = figures(inputs)
        #expect(f.typicalQuantity == 400)
        #expect(
            f.volumeTier?.quotationId == "Q-V" && f.volumeTierPrice == 8.8 && f.volumeTierLeadTimeDays == 12)
        // Not yet due: open, not judged, and valued at the order price.
        #expect(f.dueLines == 3 && f.openLines == 4 && f.openQuantity == 1_600 && f.openUnit == "kg")
        #expect(f.openValue == 1_600 * 8.8 && f.unpricedOpenLines == 0)
    }

    @Test func noQuotationsNoTier() {
        var inputs = DecisionMakerTests.cleanInputs()
        inputs.quotations = []
        let f = figures(inputs)
        #expect(f.typicalQuantity == 100 && f.volumeTier == nil && f.volumePriceOrNil == nil)
        #expect(f.quotedLeadTimeDays == nil && f.medianLeadTimeDays == 10)
    }

    @Test func belowTheLowestTierNoTier() {
        let inputs = SupplierInputs(
            supplier: B.supplier,
            orderLines: [
                B.line(
                    "S1", qty: 20, ordered: "2026-05-01", requested: "2026-05-10",
                    receipts: [("2026-05-10", 20)])
            ],
            quotations: DecisionMakerTests.quotes(
                smallPrice: 10, smallLead: 10, volumePrice: 8.8, volumeLead: 12))
        let f = figures(inputs)
        #expect(f.typicalQuantity == 20 && f.volumeTier == nil)
    }

    @Test func allOpen() {
        let lines = [
            Self.priced(B.line("O1", qty: 50, ordered: "2026-06-01", requested: "2026-07-10"), 4),
            Self.priced(
                B.line(
                    "O2", qty: 30, ordered: "2026-06-10", requested: "2026-07-20",
                    receipts: [("2026-06-29", 10)]), 4),
            Self.priced(B.line("O3", qty: 20, ordered: "2026-06-15", requested: "2026-07-20"), nil),
            // A receipt after the as-of day was not known then.
            Self.priced(
                B.line(
                    "O4", qty: 10, ordered: "2026-06-15", requested: "2026-07-20",
                    receipts: [("2026-07-02", 10)]), 4),
            B.line("X", qty: 999, ordered: "2026-06-15", requested: "2026-07-20", cancelled: true),
        ]
        let f = figures(SupplierInputs(supplier: B.supplier, orderLines: lines))
        #expect(f.dueLines == 0 && f.otdRate == nil && f.medianLeadTimeDays == nil)
        #expect(f.lotsReceived == 1)
        let openQuantity: Double = 50 + 20 + 20 + 10
        let openValue: Double = 50 * 4 + 20 * 4 + 10 * 4
        #expect(f.openLines == 4 && f.openQuantity == openQuantity && f.openUnit == "kg")
        #expect(f.openValue == openValue && f.unpricedOpenLines == 1)
        #expect(f.typicalQuantity == 25)
    }

    @Test func unitMismatch() {
        let lines = [
            Self.priced(B.line("K1", qty: 500, ordered: "2026-06-01", requested: "2026-07-10"), 2),
            Self.priced(
                B.line("T1", qty: 1, ordered: "2026-06-02", requested: "2026-07-10", unit: "t"), 1_900),
        ]
        let f = figures(
            SupplierInputs(
                supplier: B.supplier, orderLines: lines,
                quotations: DecisionMakerTests.quotes(
                    smallPrice: 10, smallLead: 10, volumePrice: 8.8, volumeLead: 12)))
        #expect(f.unitMismatch && f.typicalQuantity == nil && f.orderUnit == nil && f.volumeTier == nil)
        // Quantities in kg and t do not add up; their values do.
        #expect(f.openLines == 2 && f.openQuantity == nil && f.openUnit == nil && f.openValue == 2_900)
    }

    @Test func supplierOpenValueSumsItsMaterials() {
        let lines = [
            Self.priced(B.line("A", qty: 10, ordered: "2026-06-01", requested: "2026-07-10"), 3),
            Self.priced(
                B.line(
                    "B", qty: 5, ordered: "2026-06-01", requested: "2026-07-10", material: "MAT-2", unit: "l"),
                7),
        ]
        let inputs = SupplierInputs(supplier: B.supplier, orderLines: lines)
        let decision = DecisionMaker(config: DecisionConfig()).decide(
            result: Scorer(config: ScoringConfig()).score(inputs, asOf: Self.asOf), inputs: inputs)
        #expect(decision.materialFigures.map(\.openValue) == [30, 35])
        #expect(decision.openOrderValue == 65)
    }
}

extension MaterialFigures {
    fileprivate var volumePriceOrNil: Double? { volumeTierPrice }
}
