import Domain
import Testing

@testable import Scoring

@Suite struct ReadinessTests {
    let rules = ReadinessRules(config: DecisionConfig(), scoring: ScoringConfig())
    let window = DayWindow(first: B.day("2025-10-04"), last: B.day("2026-06-30"))

    @Test func specificationUnchangedOverTheLookBack() {
        let since = [
            SpecificationVersion(
                materialId: "MAT-1", characteristic: "moisture", validFrom: B.day("2025-01-01"))
        ]
        let ok = rules.specUnchanged(since, material: "MAT-1", window: window)
        #expect(ok.state == .met)
        #expect(ok.detail == "specification unchanged since 2025-10-04 (270 days)")
        // A version in force from the window's first day did not change inside it.
        let fromFirst = [
            SpecificationVersion(materialId: "MAT-1", characteristic: "moisture", validFrom: window.first)
        ]
        #expect(rules.specUnchanged(fromFirst, material: "MAT-1", window: window).state == .met)
        let changed = [
            SpecificationVersion(
                materialId: "MAT-1", characteristic: "moisture", validFrom: B.day("2025-01-01"),
                validTo: B.day("2026-03-01")),
            SpecificationVersion(
                materialId: "MAT-1", characteristic: "moisture", validFrom: B.day("2026-03-01")),
            SpecificationVersion(
                materialId: "MAT-2", characteristic: "assay", validFrom: B.day("2026-05-01")),
        ]
        let r = rules.specUnchanged(changed, material: "MAT-1", window: window)
        #expect(r.state == .notMet)
        #expect(r.detail == "specification of moisture changed on 2026-03-01, inside the 270-day window")
        // A version that simply ended inside the window (withdrawn) is a change too.
        let ended = [
            SpecificationVersion(
                materialId: "MAT-1", characteristic: "lead", validFrom: B.day("2025-01-01"),
                validTo: B.day("2026-06-30"))
        ]
        #expect(rules.specUnchanged(ended, material: "MAT-1", window: window).state == .notMet)
        // A version that started and ended inside the window: the latest change is its end.
        let both = [
            SpecificationVersion(
                materialId: "MAT-1", characteristic: "pH", validFrom: B.day("2026-01-01"),
                validTo: B.day("2026-05-01"))
        ]
        #expect(
            rules.specUnchanged(both, material: "MAT-1", window: window).detail
                == "specification of pH changed on 2026-05-01, inside the 270-day window")
        let none = rules.specUnchanged([], material: "MAT-1", window: window)
        #expect(none.state == .met)
        #expect(none.detail == "no specification for MAT-1: nothing to change")
    }

    func lots(_ pattern: String) -> [LotRecord] {
        pattern.enumerated().map { i, c in
            LotRecord(
                receiptId: "R\(i + 1)", materialId: "MAT-1", lotNumber: "L\(i + 1)",
                receivedOn: B.day("2026-01-01").advanced(by: i * 10), rejected: c == "R",
                coaMissing: c == "M",
                findings: c == "R"
                    ? ["out of tolerance on moisture"] : c == "M" ? ["no CoA within 3 days"] : [])
        }
    }

    @Test func consecutiveConformingLots() {
        // Lot 2 rejected, then 10 conforming lots: exactly 10, met.
        let ten = rules.consecutiveConformingLots(lots("AR" + String(repeating: "A", count: 10)))
        #expect(ten.state == .met)
        #expect(
            ten.detail
                == "10 consecutive conforming lots (10 needed); lot L2 of 2026-01-11: out of tolerance on moisture"
        )
        // Lot 3 of 12 without its CoA: 9 since, not met.
        let nine = rules.consecutiveConformingLots(lots("AAM" + String(repeating: "A", count: 9)))
        #expect(nine.state == .notMet)
        #expect(
            nine.detail
                == "9 consecutive conforming lots (10 needed); lot L3 of 2026-01-21: no CoA within 3 days")
        let all = rules.consecutiveConformingLots(lots(String(repeating: "A", count: 11)))
        #expect(all.detail == "11 consecutive conforming lots (10 needed)")
        let seven = rules.consecutiveConformingLots(lots("AAAAAAA"))
        #expect(seven.state == .notMet)
        #expect(
            seven.detail == "7 consecutive conforming lots (10 needed); only 7 lots received in the look-back"
        )
        let empty = rules.consecutiveConformingLots([])
        #expect(empty.state == .noData)
    }

    /// Lots with mean 5 and sample standard deviation near 1 (deviations ±2, ±0.5, ±0.5, four 0, repeated).
    func capabilities(upper: Double, lots n: Int = 10) -> [LotCapability] {
        let pattern = [7, 3, 5.5, 4.5, 5.5, 4.5, 5, 5, 5, 5]
        let ms = (0..<n).map { i in
            B.measurement(
                "L\(i + 1)", day: B.day("2026-01-01").advanced(by: i * 5).iso, value: pattern[i % 10],
                verdict: .pass, lower: 0, upper: upper)
        }
        return LotCapability.of(
            ms, material: "MAT-1", maxLots: 30,
            window: DayWindow(first: B.day("2025-10-01"), last: B.day("2026-06-30")),
            sdFloorFraction: 0.01)
    }

    @Test func cpkAtTheThresholdOverTenLotsIsTooFewToJudge() throws {
        // (8.99 − 5) / (3 × 1) = 1.33 exactly; over 10 lots its 80 % lower bound is 1.33 − 0.84 × 0.32.
        let caps = capabilities(upper: 8.99)
        let cpk = try #require(caps.first?.capability.cpk)
        #expect(abs(cpk - 1.33) < 1e-12)
        let r = rules.capability(caps, material: "MAT-1", specified: true)
        #expect(r.state == .tooFew)
        let lower = 1.33 - Bounds.z(0.8) * (1 / 90.0 + 1.33 * 1.33 / 18).squareRoot()
        #expect(
            r.detail
                == "Cpk not yet shown to reach 1.33 (too few to judge): moisture 1.33 (80 % lower bound "
                + String(format: "%.2f", lower) + ", n 10)")
    }

    @Test func cpkShownAboveOrBelowOverThirtyLots() throws {
        // Upper limit 11: Cpk = (5 − 0) / 3σ ≈ 1.67 over 30 lots, lower bound ≈ 1.47: met.
        let good = rules.capability(capabilities(upper: 11, lots: 40), material: "MAT-1", specified: true)
        #expect(good.state == .met, "\(good.detail)")
        #expect(good.detail.hasSuffix(", n 30)"))
        // Upper limit 7: Cpk ≈ 0.67, upper bound far below 1.33: not met.
        let bad = rules.capability(capabilities(upper: 7, lots: 30), material: "MAT-1", specified: true)
        #expect(bad.state == .notMet)
        #expect(bad.detail.hasPrefix("Cpk below 1.33: moisture 0.6"))
    }

    @Test func cpkNeedsEnoughLots() {
        let thin = rules.capability(capabilities(upper: 20, lots: 9), material: "MAT-1", specified: true)
        #expect(thin.state == .noData)
        #expect(thin.detail == "no characteristic of MAT-1 has 10 lots with results")
        let unspecified = rules.capability([], material: "MAT-9", specified: false)
        #expect(unspecified.state == .met)
        let specifiedNoResults = rules.capability([], material: "MAT-9", specified: true)
        #expect(specifiedNoResults.state == .noData)
    }

    func outcomes(onTime: [Bool], leads: [Int]) -> [LineOutcome] {
        zip(onTime, leads).enumerated().map { i, pair in
            LineOutcome(
                orderLineId: "OL\(i)", materialId: "MAT-1", quantity: 100, unit: "kg",
                due: B.day("2026-01-01").advanced(by: i), firstReceipt: B.day("2026-01-01").advanced(by: i),
                onTime: pair.0, inFull: true, daysLate: pair.0 ? 0 : 3, leadTimeDays: pair.1,
                quotedLeadTimeDays: nil)
        }
    }

    @Test func otdOverTheLastLinesIsJudgedOnItsWilsonBounds() {
        // 30 of the latest 30 on time (an earlier late line falls outside): 80 % lower bound 97.7 %: met.
        let all = rules.delivery(outcomes(onTime: [false] + [true] * 30, leads: [10] * 31)).otd
        #expect(all.state == .met)
        #expect(
            all.detail
                == "OTD 100 % over the last 30 due lines (30 on time; 80 % lower bound 98 %; 90 % needed)")
        // 10 of 10: lower bound 93.4 %: met on ten lines too.
        #expect(rules.delivery(outcomes(onTime: [true] * 10, leads: [10] * 10)).otd.state == .met)
        // 9 of 10: the interval holds 90 %: too few to judge, not "not ready".
        let nine = rules.delivery(outcomes(onTime: [true] * 9 + [false], leads: [10] * 10)).otd
        #expect(nine.state == .tooFew)
        // 20 of 30: upper bound 77 %: shown below 90 %.
        let low = rules.delivery(outcomes(onTime: [true] * 20 + [false] * 10, leads: [10] * 30)).otd
        #expect(low.state == .notMet)
        let few = rules.delivery(outcomes(onTime: [true] * 4, leads: [10] * 4)).otd
        #expect(few.state == .noData)
        #expect(few.detail == "4 judged due lines in the look-back, 5 needed")
    }

    @Test func conditionsCarryTheirFiguresAsFields() {
        // 20 of 30 on time: the figure is the share, the bound that decided is the upper one.
        let low = rules.delivery(outcomes(onTime: [true] * 20 + [false] * 10, leads: [10] * 30))
        let otd = try? #require(low.otd.figure)
        #expect(otd?.unit == "fraction")
        #expect(otd?.n == 30)
        #expect(otd?.threshold == DecisionConfig().readinessOTD)
        #expect(otd.flatMap(\.value).map { abs($0 - 2.0 / 3.0) < 1e-12 } == true)
        #expect(otd.flatMap(\.bound).map { $0 < DecisionConfig().readinessOTD } == true)
        #expect(low.leadTime.figure?.value == 0)
        #expect(low.leadTime.figure?.unit == "cv")
        // No lots: no value, but the threshold and n = 0 still say what was asked.
        let none = rules.consecutiveConformingLots([])
        #expect(none.figure?.value == nil)
        #expect(none.figure?.n == 0)
        #expect(none.figure?.threshold == Double(DecisionConfig().readinessLots))
        // The stored JSON has the fields beside the sentence.
        guard case .object(let fields) = low.otd.json else {
            Issue.record("a condition is a JSON object")
            return
        }
        #expect(fields["unit"] == .string("fraction"))
        #expect(fields["n"] == .number(30))
        #expect(fields["key"] == .string("otd_last_lines"))
        #expect(fields["characteristic"] == .null)
    }

    @Test func leadTimeCoefficientOfVariationIsInclusiveAtPointTwo() {
        // Mean 10, deviations ±4, ±1, ±1, four 0: sample sd √(36 / 9) = 2, CV 0.2 exactly: met.
        let exact = rules.delivery(
            outcomes(onTime: [true] * 10, leads: [14, 6, 11, 9, 11, 9, 10, 10, 10, 10]))
        #expect(exact.leadTime.state == .met)
        #expect(
            exact.leadTime.detail
                == "actual lead time 10 days on average, CV 0.20 over 10 lines (at most 0.2)")
        // Deviations ±5, ±1, ±1: sd √6 = 2.449, CV 0.24: not met.
        let wide = rules.delivery(
            outcomes(onTime: [true] * 10, leads: [15, 5, 11, 9, 11, 9, 10, 10, 10, 10]))
        #expect(wide.leadTime.state == .notMet)
        let one = rules.delivery(outcomes(onTime: [true], leads: [10]))
        #expect(one.leadTime.state == .noData)
    }

    @Test func responsivenessWithinTheSLA() {
        var s = SupplierScore(supplierId: "S")
        #expect(rules.responsiveness(s).state == .noData)
        s.medianResponseHours = 48
        s.withinSLARate = 1
        s.answeredMessages = 12
        let ok = rules.responsiveness(s)
        #expect(ok.state == .met)
        #expect(
            ok.detail
                == "median response 48 h (SLA 48 h), 100 % of 12 within SLA (80 % lower bound 94 %; 80 % needed)"
        )
        s.withinSLARate = 0.75
        #expect(rules.responsiveness(s).state == .tooFew)
        s.withinSLARate = 0.25
        #expect(rules.responsiveness(s).state == .notMet)
        s.withinSLARate = 1
        s.medianResponseHours = 48.5
        #expect(rules.responsiveness(s).state == .notMet)
    }

    @Test func noOpenPriorityRisk() {
        var s = SupplierScore(supplierId: "S")
        #expect(rules.noPriorityRisk(s, flags: []).state == .met)
        s.riskLevel = .insufficientData
        #expect(
            rules.noPriorityRisk(s, flags: []).detail
                == "no priority-position risk raised (too few due lines to assess it)")
        s.riskLevel = .low
        s.riskScore = 12
        #expect(rules.noPriorityRisk(s, flags: []).detail == "priority-position risk low (score 12)")
        s.riskLevel = .medium
        s.riskScore = 31.5
        let medium = rules.noPriorityRisk(s, flags: [])
        #expect(medium.state == .notMet)
        #expect(medium.detail == "priority-position risk medium (score 31.5)")
        let flagged = rules.noPriorityRisk(
            SupplierScore(supplierId: "S"),
            flags: [
                Flag(supplierId: "S", kind: .priorityPositionRisk, severity: .warning, message: "OTD fell.")
            ])
        #expect(flagged.state == .notMet)
    }

    @Test func readyOnlyWhenEveryConditionIsMet() {
        let met = ReadinessCondition(key: "a", state: .met, detail: "")
        let noData = ReadinessCondition(key: "b", state: .noData, detail: "")
        #expect(ScaleUpReadiness(supplierId: "S", materialId: "M", conditions: [met, met]).ready)
        let r = ScaleUpReadiness(supplierId: "S", materialId: "M", conditions: [met, noData])
        #expect(!r.ready)
        #expect(r.conditionsNotMet.map(\.key) == ["b"])
        #expect(!ScaleUpReadiness(supplierId: "S", materialId: "M", conditions: []).ready)
    }
}

extension Array {
    fileprivate static func * (element: [Element], count: Int) -> [Element] {
        Array((0..<count).flatMap { _ in element })
    }
}
