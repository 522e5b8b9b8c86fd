import Domain
import Testing

@testable import Scoring

@Suite struct StatusTests {
    let rules = StatusRules(config: DecisionConfig())

    /// Figures from shares and counts: `otd` of `currentLines` on time, `ppm` of 10,000 units per lot,
    /// `conformance` of 10 CoA results per lot.
    func figures(
        lots: Int = 20, lines: Int = 20, otd: Double? = 0.97, ppm: Double? = 0, conformance: Double? = 1,
        currentLines: Int = 40, currentLots: Int = 10, rejected: Int = 0, flags: [Flag] = []
    ) -> StatusFigures {
        let units = 10_000.0 * Double(currentLots)
        let results = conformance == nil ? 0 : 10 * currentLots
        return StatusFigures(
            lots: lots, judgedLines: lines, judgedOnTime: ((otd ?? 1) * Double(lines)).roundedInteger ?? 0,
            currentLines: otd == nil ? 0 : currentLines,
            onTimeLines: ((otd ?? 0) * Double(currentLines)).roundedInteger ?? 0,
            currentLots: ppm == nil ? 0 : currentLots, rejectedLots: rejected,
            receivedQuantity: ppm == nil ? 0 : units, defectiveQuantity: (ppm ?? 0) * units / 1_000_000,
            coaResults: results, coaPasses: ((conformance ?? 0) * Double(results)).roundedInteger ?? 0,
            flags: flags)
    }

    func outOfTolerance(_ lots: [String], material: String = "MAT-0031", characteristic: String = "moisture")
        -> Flag
    {
        Flag(
            supplierId: "SUP-0012", materialId: material, characteristic: characteristic,
            kind: .outOfTolerance,
            severity: .critical, message: "…",
            evidence: ["lots": .array(lots.map { ["lot_number": .string($0)] })])
    }

    @Test func tooLittleHistoryIsInQualification() {
        let r = rules.recommend(figures(lots: 4, lines: 10), supplierId: "S", materialId: nil)
        #expect(r.status == .inQualification)
        #expect(
            r.reasons == ["4 lots and 10 judged due lines in the look-back (qualification needs 5 and 5)"])
        #expect(
            rules.recommend(figures(lots: 10, lines: 4), supplierId: "S", materialId: nil).status
                == .inQualification)
        // Exactly 5 and 5: enough.
        #expect(
            rules.recommend(figures(lots: 5, lines: 5), supplierId: "S", materialId: nil).status == .qualified
        )
        // No data at all: in qualification, not qualified.
        let none = rules.recommend(
            figures(lots: 0, lines: 0, otd: nil, ppm: nil, conformance: nil), supplierId: "S", materialId: nil
        )
        #expect(none.status == .inQualification)
        #expect(
            none.reasons == ["0 lots and 0 judged due lines in the look-back (qualification needs 5 and 5)"])
    }

    @Test func criticalFlagsAndLimitsPutOnProbation() {
        // Two characteristics fail on lots L1 and L2 (L2 twice): 2 lots, not 3.
        let flags = [outOfTolerance(["L1", "L2"]), outOfTolerance(["L2"], characteristic: "assay")]
        let r = rules.recommend(
            figures(otd: 0.65, currentLines: 60, flags: flags), supplierId: "SUP-0012", materialId: nil)
        #expect(r.status == .probation)
        #expect(
            r.reasons == [
                "2 out-of-tolerance lots of MAT-0031",
                "OTD 65 % over 60 lines (95 % upper bound 74 %; probation below 80 %)",
            ])
        #expect(r.findings.map(\.kind) == [.flag(.outOfTolerance), .otd])
        let ppm = rules.recommend(figures(ppm: 20_000), supplierId: "S", materialId: nil)
        #expect(ppm.status == .probation)
        #expect(ppm.reasons == ["PPM 20,000 over 10 lots (95 % lower bound 19,270; probation above 10,000)"])
        let coa = rules.recommend(figures(conformance: 0.8), supplierId: "S", materialId: nil)
        #expect(
            coa.reasons == [
                "CoA conformance 80 % over 100 results (95 % upper bound 86 %; probation below 90 %)"
            ])
    }

    @Test func aLimitCountsOnlyWhenTheBoundIsPastIt() {
        // 9 of 12 on time (75 %): below 80 %, but the 95 % upper bound is 90 %: not probation; the
        // 90 % upper bound (87 %) is below 90 %: conditional.
        let twelve = rules.recommend(figures(otd: 0.75, currentLines: 12), supplierId: "S", materialId: nil)
        #expect(twelve.status == .conditional)
        #expect(twelve.reasons == ["OTD 75 % over 12 lines (90 % upper bound 87 %; conditional below 90 %)"])
        // 3 of 4 lots rejected … over 3 lots 1 rejected (33 %): the 90 % lower bound 10.8 % is past 5 %.
        let rejection = rules.recommend(
            figures(currentLots: 3, rejected: 1), supplierId: "S", materialId: nil)
        #expect(rejection.status == .conditional)
        // PPM 2,500 over 10 lots of 10,000 units: 250 defectives, lower bound above 2,000.
        #expect(rules.recommend(figures(ppm: 2_500), supplierId: "S", materialId: nil).status == .conditional)
        // PPM 2,100: the lower bound is below 2,000: qualified.
        #expect(rules.recommend(figures(ppm: 2_100), supplierId: "S", materialId: nil).status == .qualified)
        let q = rules.recommend(
            figures(otd: 0.90, ppm: 2_000, conformance: 0.98), supplierId: "S", materialId: nil)
        #expect(q.status == .qualified)
        #expect(
            q.reasons == [
                "OTD 90 % over 40 lines", "PPM 2,000 over 10 lots", "CoA conformance 98 % over 100 results",
                "no open flags",
            ])
    }

    @Test func limitsNeedEnoughOfTheCurrentWindow() {
        // OTD 50 % over 4 lines, PPM 600,000 over 2 lots: too few to judge either (5 lines, 3 lots needed).
        // The look-back's 20 lines are 19 on time: no lasting shortfall either.
        var thin = figures(otd: 0.5, ppm: 600_000, currentLines: 4, currentLots: 2)
        thin.judgedOnTime = 19
        let few = rules.recommend(thin, supplierId: "S", materialId: "MAT-1")
        #expect(few.status == .qualified)
        #expect(
            few.reasons == [
                "OTD 50 % over 4 lines (too few to judge)", "PPM 600,000 over 2 lots (too few to judge)",
                "CoA conformance 100 % over 20 results (too few to judge)", "no open flags on MAT-1",
            ])
        let enough = rules.recommend(
            figures(otd: 0.2, ppm: 600_000, currentLines: 5, currentLots: 3), supplierId: "S",
            materialId: "MAT-1")
        #expect(enough.status == .probation)
    }

    @Test func warningFlagsMakeConditional() {
        let flags = [
            Flag(
                supplierId: "S", materialId: "MAT-1", kind: .missingCoA, severity: .warning, message: "…",
                evidence: ["lots": [["receipt_id": "R1"], ["receipt_id": "R2"]]]),
            Flag(
                supplierId: "S", kind: .slowResponse, severity: .warning, message: "…",
                evidence: ["median_response_hours": 61.4]),
            Flag(
                supplierId: "S", materialId: "MAT-2", kind: .coaCredibility, severity: .warning, message: "…"),
            Flag(
                supplierId: "S", kind: .priorityPositionRisk, severity: .warning, message: "…",
                evidence: ["score": 31.5, "level": "medium"]),
        ]
        let r = rules.recommend(figures(flags: flags), supplierId: "S", materialId: nil)
        #expect(r.status == .conditional)
        #expect(
            r.reasons == [
                "doubtful CoAs on MAT-2", "2 lots of MAT-1 without a CoA in time",
                "priority-position risk medium (score 31.5)", "slow responses (median 61 h)",
            ])
    }

    @Test func exposureFlagsDoNotJudgePerformance() {
        let flags = [
            Flag(
                supplierId: "S", materialId: "MAT-1", kind: .singleSource, severity: .critical, message: "…"),
            Flag(
                supplierId: "S", materialId: "MAT-1", kind: .scaleUpCostGap, severity: .warning, message: "…"),
        ]
        let r = rules.recommend(figures(flags: flags), supplierId: "S", materialId: nil)
        #expect(r.status == .qualified)
        // Open, so the reasons do not call the flags absent.
        #expect(r.reasons.last?.hasPrefix("no open quality, delivery or response flags; exposure: ") == true)
    }

    @Test func noDataFiguresDoNotTriggerLimits() {
        let r = rules.recommend(
            figures(otd: nil, ppm: nil, conformance: nil), supplierId: "S", materialId: "MAT-1")
        #expect(r.status == .qualified)
        #expect(
            r.reasons == ["OTD no data", "PPM no data", "CoA conformance no data", "no open flags on MAT-1"])
    }

    @Test func changeLinesAgainstThePreviousRun() {
        let flags = [outOfTolerance(["L1", "L2"])]
        let supplier = rules.recommend(
            figures(flags: flags), supplierId: "SUP-0012", materialId: nil)
        let material = rules.recommend(
            figures(flags: flags), supplierId: "SUP-0012", materialId: "MAT-0031")
        let other = rules.recommend(figures(), supplierId: "SUP-0012", materialId: "MAT-0040")
        let new = rules.recommend(figures(), supplierId: "SUP-0012", materialId: "MAT-0050")
        let previous = PreviousDecision(
            supplierId: "SUP-0012", status: .qualified,
            materialStatuses: ["MAT-0031": .conditional, "MAT-0040": .qualified])
        let changes = StatusChange.changes(previous: previous, current: [supplier, material, other, new])
        #expect(
            changes.map(\.line) == [
                "SUP-0012 qualified → probation: 2 out-of-tolerance lots of MAT-0031",
                "SUP-0012 × MAT-0031 conditional → probation: 2 out-of-tolerance lots of MAT-0031",
            ])
        #expect(changes.first?.from == .qualified && changes.first?.to == .probation)
        #expect(changes.last?.materialId == "MAT-0031")
        // First run: nothing to compare with.
        #expect(StatusChange.changes(previous: nil, current: [supplier]).isEmpty)
    }
}
