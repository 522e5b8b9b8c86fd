import Testing

@testable import Scoring

@Suite struct DecisionConfigTests {
    @Test func defaultsAreTheDocumentedOnesAndValid() {
        let c = DecisionConfig()
        #expect(c.problems.isEmpty)
        #expect(c.readinessLots == 10 && c.readinessCpk == 1.33 && c.readinessOTD == 0.90)
        #expect(
            c.probationConfidence == 0.95 && c.conditionalConfidence == 0.90 && c.readinessConfidence == 0.80)
        #expect(c.readinessCpkLots == 30 && c.readinessDueLines == 30)
        #expect(c.readinessLeadTimeCV == 0.2 && c.costGap == 0.15 && c.leadTimeGapFactor == 2)
        #expect(c.gradeA == 85 && c.gradeB == 70 && c.gradeC == 55)
        #expect(c.weightQuality + c.weightDelivery + c.weightResponsiveness + c.weightRisk == 1)
    }

    @Test func eachProblemNamesItsKey() {
        var c = DecisionConfig()
        c.readinessOTD = 1.2
        c.gradeB = 90
        c.conditionalOTD = 0.7
        c.switchingScorePerLot = 5
        #expect(
            c.problems == [
                "status.conditional_otd (0.7) must not be below status.probation_otd (0.8)",
                "readiness.otd must be a fraction from 0 to 1, not 1.2",
                "inspection.switching_score_per_lot must be 2 or 3 (ISO 2859-1), not 5",
                "score.grade_a ≥ score.grade_b ≥ score.grade_c must hold (85.0, 90.0, 55.0)",
            ])
        var zero = DecisionConfig()
        zero.weightQuality = 0
        zero.weightDelivery = 0
        zero.weightResponsiveness = 0
        zero.weightRisk = 0
        #expect(zero.problems == ["score.weight_* must not all be 0"])
    }
}
