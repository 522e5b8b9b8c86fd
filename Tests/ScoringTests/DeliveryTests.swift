import Domain
import Testing

@testable import Scoring

/// As of 2026-06-30 the current window is 2026-04-02…2026-06-30.
private let asOf = B.day("2026-06-30")

@Suite struct DeliveryTests {
    /// Ten lines worked by hand: see the comment on each.
    static let lines: [OrderLine] = [
        // Exactly 98 of 100 on the due day: on time and (at the 2 % tolerance) in full.
        B.line(
            "L1", ordered: "2026-05-12", requested: "2026-05-30", promised: "2026-06-01", confirmedHours: 10,
            receipts: [("2026-06-01", 98)]),
        // No promise: due = requested 06-10. Half early, half late: on time, not in full.
        B.line(
            "L2", ordered: "2026-05-21", requested: "2026-06-10", confirmedHours: 20,
            receipts: [("2026-06-08", 50), ("2026-06-15", 50)]),
        // Four days late, re-promised by four days (judged against the first promise).
        B.line(
            "L3", ordered: "2026-05-16", requested: "2026-06-01", promised: "2026-06-05", confirmedHours: 30,
            repromised: "2026-06-09", receipts: [("2026-06-09", 100)]),
        // Never arrived: late, not in full, ten days late so far (06-20 → 06-30).
        B.line("L4", ordered: "2026-05-31", requested: "2026-06-20"),
        // Cancelled: out of every figure.
        B.line("L5", ordered: "2026-05-26", requested: "2026-06-15", confirmedHours: 5, cancelled: true),
        // Due on the as-of day, nothing yet: open, not judged.
        B.line("L6", ordered: "2026-06-10", requested: "2026-06-30", confirmedHours: 40),
        // Due on the as-of day and received that day: on time, in full.
        B.line(
            "L7", ordered: "2026-06-10", requested: "2026-06-30", confirmedHours: 50,
            receipts: [("2026-06-30", 99)]),
        // Due in the baseline window: not in the current figures.
        B.line(
            "L8", ordered: "2026-03-10", requested: "2026-03-30", confirmedHours: 1,
            receipts: [("2026-03-30", 100)]),
        // Received after the as-of day: unknown then, so five days late so far.
        B.line("L10", ordered: "2026-06-05", requested: "2026-06-25", receipts: [("2026-07-02", 100)]),
    ]

    static let quotations = [
        Quotation(
            quotationId: "Q1", supplierId: "SUP-1", materialId: "MAT-1", quotedOn: B.day("2026-01-01"),
            minQuantity: 1, unitPrice: 10, leadTimeDays: 14),
        Quotation(
            quotationId: "Q2", supplierId: "SUP-1", materialId: "MAT-1", quotedOn: B.day("2026-01-01"),
            minQuantity: 100, unitPrice: 9, leadTimeDays: 21),
        // Quoted after most orders were placed, and for a tier none of them reaches: never applies.
        Quotation(
            quotationId: "Q3", supplierId: "SUP-1", materialId: "MAT-1", quotedOn: B.day("2026-06-25"),
            minQuantity: 1, unitPrice: 8, leadTimeDays: 5),
    ]

    @Test func handWorkedWindow() throws {
        let result = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, orderLines: Self.lines, quotations: Self.quotations),
            asOf: asOf)
        let d = result.delivery
        #expect(result.currentWindow == DayWindow(first: B.day("2026-04-02"), last: asOf))
        #expect(d.outcomes.map(\.orderLineId) == ["L1", "L10", "L2", "L3", "L4", "L7"])
        #expect(d.openLines == 1)
        #expect(d.otdRate == 0.5)  // L1, L2, L7 of six
        #expect(try #require(d.otifRate) == 2.0 / 6)  // L1, L7
        #expect(try #require(d.avgDaysLate) == 19.0 / 6)  // (4 + 10 + 5) / 6
        #expect(d.lateLines == 3)
        #expect(try #require(d.repromiseRate) == 1.0 / 7)  // L3 of the seven live lines due in the window
        #expect(d.avgDaysMoved == 4)
        #expect(d.medianConfirmationHours == 30)  // 10, 20, 30, 40, 50
        #expect(d.unconfirmedLines == 2)  // L4, L10
        #expect(d.avgLeadTimeDays == 20.5)  // 20, 18, 24, 20
        #expect(d.avgQuotedLeadTimeDays == 21)  // tier ≥ 100 of Q1/Q2
        let byId = Dictionary(uniqueKeysWithValues: d.outcomes.map { ($0.orderLineId, $0) })
        #expect(byId["L2"]?.inFull == false)
        #expect(byId["L4"]?.daysLate == 10)
        #expect(byId["L10"]?.firstReceipt == nil)

        let s = result.score
        #expect(s.dueLines == 6)
        #expect(s.otdRate == 0.5)
        #expect(s.openLines == 1)
    }

    @Test func baselineWindowHoldsTheOlderLine() {
        let result = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, orderLines: Self.lines), asOf: asOf)
        #expect(result.baselineDelivery.outcomes.map(\.orderLineId) == ["L8"])
        #expect(result.baselineDelivery.otdRate == 1)
    }

    @Test func supplierThatNeverDeliversIsNotGood() throws {
        let lines = (1...10).map { i in
            B.line("N\(i)", ordered: "2026-05-01", requested: B.day("2026-06-01").advanced(by: i).iso)
        }
        let s = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, orderLines: lines), asOf: asOf
        ).score
        #expect(s.dueLines == 10)
        #expect(s.otdRate == 0)
        #expect(s.otifRate == 0)
        // Days late so far: 28, 27, …, 19 → mean 23.5.
        #expect(s.avgDaysLate == 23.5)
        #expect(s.avgLeadTimeDays == nil)
    }

    @Test func emptyAndNotYetDueGiveNoData() {
        let future = [B.line("F1", ordered: "2026-06-01", requested: "2026-07-15")]
        for lines in [[], future] {
            let s = Scorer(config: ScoringConfig()).score(
                SupplierInputs(supplier: B.supplier, orderLines: lines), asOf: asOf
            ).score
            #expect(s.dueLines == 0)
            #expect(s.otdRate == nil)
            #expect(s.otifRate == nil)
            #expect(s.avgDaysLate == nil)
            #expect(s.repromiseRate == nil)
            #expect(s.ppm == nil)
            #expect(s.lotRejectionRate == nil)
            #expect(s.coaConformanceRate == nil)
            #expect(s.medianResponseHours == nil)
            #expect(s.withinSLARate == nil)
        }
    }

    @Test func graceAndEarlyLimitBoundaries() {
        var config = ScoringConfig()
        config.deliveryGraceDays = 2
        config.earlyLimitDays = 3
        let lines = [
            B.line("G1", ordered: "2026-05-01", requested: "2026-06-10", receipts: [("2026-06-12", 100)]),
            B.line("G2", ordered: "2026-05-01", requested: "2026-06-10", receipts: [("2026-06-13", 100)]),
            B.line("G3", ordered: "2026-05-01", requested: "2026-06-10", receipts: [("2026-06-07", 100)]),
            B.line("G4", ordered: "2026-05-01", requested: "2026-06-10", receipts: [("2026-06-06", 100)]),
            // Due 06-29 with two days' grace, nothing yet: deadline 07-01 has not passed, open.
            B.line("G5", ordered: "2026-05-01", requested: "2026-06-29"),
        ]
        let d = Scorer(config: config).score(
            SupplierInputs(supplier: B.supplier, orderLines: lines), asOf: asOf
        )
        .delivery
        let byId = Dictionary(uniqueKeysWithValues: d.outcomes.map { ($0.orderLineId, $0) })
        #expect(byId["G1"]?.onTime == true)  // exactly at due + grace
        #expect(byId["G1"]?.inFull == true)
        #expect(byId["G2"]?.onTime == false)
        #expect(byId["G2"]?.daysLate == 3)  // counted from due, not from due + grace
        #expect(byId["G3"]?.onTime == true)  // exactly three days early
        #expect(byId["G4"]?.onTime == false)  // four days early
        #expect(byId["G4"]?.daysLate == 0)
        #expect(d.openLines == 1)
        #expect(d.otdRate == 0.5)
    }

    @Test func quotedTierFollowsQuantityAndDate() {
        let calc = DeliveryCalculator(config: ScoringConfig())
        let small = B.line("S", qty: 50, ordered: "2026-06-26", requested: "2026-07-10")
        let big = B.line("B", qty: 150, ordered: "2026-03-01", requested: "2026-07-10")
        let early = B.line("E", qty: 150, ordered: "2025-12-01", requested: "2026-07-10")
        #expect(calc.quotedLeadTime(for: small, quotations: DeliveryTests.quotations) == 5)  // newest quote
        #expect(calc.quotedLeadTime(for: big, quotations: DeliveryTests.quotations) == 21)
        #expect(calc.quotedLeadTime(for: early, quotations: DeliveryTests.quotations) == nil)
    }
}

@Suite struct DeliverySeriesTests {
    @Test func monthsAndOrderSizesComeFromTheSameLineOutcomes() throws {
        // Four lines due in May (two late by 4 days), four in June (on time); quantities 100…800.
        var lines: [OrderLine] = []
        for k in 0..<8 {
            let due = B.day(k < 4 ? "2026-05-10" : "2026-06-10").advanced(by: k % 4)
            let late = k < 2 ? 4 : 0
            let qty = Double(100 * (k + 1))
            lines.append(
                B.line(
                    "L\(k)", qty: qty, ordered: due.advanced(by: -20).iso, requested: due.iso,
                    receipts: [(due.advanced(by: late).iso, qty)]))
        }
        let result = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, orderLines: lines), asOf: B.day("2026-06-30"))
        let months = result.monthlyDelivery
        #expect(months.map(\.month.iso) == ["2026-05-01", "2026-06-01"])
        #expect(months.map(\.dueLines) == [4, 4])
        #expect(months.map(\.otdRate) == [0.5, 1])
        #expect(months.map(\.avgDaysLate) == [2, 0])
        let sizes = result.deliveryByOrderSize
        #expect(sizes.map(\.lines) == [2, 2, 2, 2])
        #expect(sizes.map(\.otdRate) == [0, 1, 1, 1])  // the two smallest lines were the late ones
        #expect(sizes.first?.label.hasPrefix("smallest quarter (100–200") == true)
    }
}
