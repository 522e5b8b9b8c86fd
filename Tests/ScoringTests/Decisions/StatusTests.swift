import Domain
import Testing

@testable import Scoring

@Suite struct StatusTests {
    let rules = StatusRules(config: DecisionConfig())

    func figures(
        lots: Int = 20, lines: Int = 20, otd: Double? = 0.97, ppm: Double? = 0, conformance: Double? = 1,
        currentLines: Int = 10, currentLots: Int = 10, flags: [Flag] = []
    ) -> StatusFigures {
        StatusFigures(
            lots: lots, judgedLines: lines, otd: otd, ppm: ppm, conformance: conformance,
            currentLines: currentLines, currentLots: currentLots, flags: flags)
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
        let r = rules.recommend(figures(otd: 0.71, flags: flags), supplierId: "SUP-0012", materialId: nil)
        #expect(r.status == .probation)
        #expect(r.reasons == ["2 out-of-tolerance lots of MAT-0031", "OTD 71 % (probation below 80 %)"])
        let ppm = rules.recommend(figures(ppm: 10_001), supplierId: "S", materialId: nil)
        #expect(ppm.status == .probation)
        #expect(ppm.reasons == ["PPM 10,001 (probation above 10,000)"])
        let coa = rules.recommend(figures(conformance: 0.89), supplierId: "S", materialId: nil)
        #expect(coa.reasons == ["CoA conformance 89 % (probation below 90 %)"])
    }

    @Test func probationLimitsAreExclusive() {
        // Exactly at the probation limits: not probation, but past the conditional ones.
        let r = rules.recommend(
            figures(otd: 0.80, ppm: 10_000, conformance: 0.90), supplierId: "S", materialId: nil)
        #expect(r.status == .conditional)
        #expect(
            r.reasons == [
                "OTD 80 % (below 90 %)", "PPM 10,000 (above 2,000)", "CoA conformance 90 % (below 98 %)",
            ])
        // Exactly at the conditional limits: qualified.
        let q = rules.recommend(
            figures(otd: 0.90, ppm: 2_000, conformance: 0.98), supplierId: "S", materialId: nil)
        #expect(q.status == .qualified)
        #expect(q.reasons == ["OTD 90 %", "PPM 2,000", "CoA conformance 98 %", "no open flags"])
    }

    @Test func limitsNeedEnoughOfTheCurrentWindow() {
        // OTD 50 % over 4 lines, PPM 600,000 over 2 lots: too few to judge either (5 lines, 3 lots needed).
        let few = rules.recommend(
            figures(otd: 0.5, ppm: 600_000, currentLines: 4, currentLots: 2), supplierId: "S",
            materialId: "MAT-1")
        #expect(few.status == .qualified)
        #expect(
            few.reasons == [
                "OTD 50 % over 4 lines (too few to judge)", "PPM 600,000 over 2 lots (too few to judge)",
                "CoA conformance 100 % over 2 lots (too few to judge)", "no open flags",
            ])
        // Exactly 5 lines and 3 lots: judged.
        let enough = rules.recommend(
            figures(otd: 0.5, ppm: 600_000, currentLines: 5, currentLots: 3), supplierId: "S",
            materialId: "MAT-1")
        #expect(enough.status == .probation)
        #expect(
            enough.reasons == ["OTD 50 % (probation below 80 %)", "PPM 600,000 (probation above 10,000)"])
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
        #expect(rules.recommend(figures(flags: flags), supplierId: "S", materialId: nil).status == .qualified)
    }

    @Test func noDataFiguresDoNotTriggerLimits() {
        let r = rules.recommend(
            figures(otd: nil, ppm: nil, conformance: nil), supplierId: "S", materialId: "MAT-1")
        #expect(r.status == .qualified)
        #expect(r.reasons == ["OTD no data", "PPM no data", "CoA conformance no data", "no open flags"])
    }

    @Test func changeLinesAgainstThePreviousRun() {
        let flags = [outOfTolerance(["L1", "L2"])]
        let supplier = rules.recommend(
            figures(otd: 0.71, flags: flags), supplierId: "SUP-0012", materialId: nil)
        let material = rules.recommend(
            figures(otd: 0.71, flags: flags), supplierId: "SUP-0012", materialId: "MAT-0031")
        let other = rules.recommend(figures(), supplierId: "SUP-0012", materialId: "MAT-0040")
        let new = rules.recommend(figures(), supplierId: "SUP-0012", materialId: "MAT-0050")
        let previous = PreviousDecision(
            supplierId: "SUP-0012", status: .qualified,
            materialStatuses: ["MAT-0031": .conditional, "MAT-0040": .qualified])
        let changes = StatusChange.changes(previous: previous, current: [supplier, material, other, new])
        #expect(
            changes.map(\.line) == [
                "SUP-0012 qualified → probation: 2 out-of-tolerance lots of MAT-0031, OTD 71 % (probation below 80 %)",
                "SUP-0012 × MAT-0031 conditional → probation: 2 out-of-tolerance lots of MAT-0031, "
                    + "OTD 71 % (probation below 80 %)",
            ])
        #expect(changes.first?.from == .qualified && changes.first?.to == .probation)
        #expect(changes.last?.materialId == "MAT-0031")
        // First run: nothing to compare with.
        #expect(StatusChange.changes(previous: nil, current: [supplier]).isEmpty)
    }
}
