import Testing

@testable import Scoring

@Suite struct OverallScoreTests {
    let scoring = OverallScoring(config: DecisionConfig())

    func full() -> SupplierScore {
        var s = SupplierScore(supplierId: "S")
        s.ppm = 1_000
        s.lotRejectionRate = 0.1
        s.coaConformanceRate = 0.96
        s.otdRate = 0.9
        s.otifRate = 0.8
        s.withinSLARate = 0.8
        s.riskScore = 20
        s.riskLevel = .low
        return s
    }

    @Test func weightedMeanOfTheFourParts() throws {
        // Quality: PPM 1,000 → 90, lot rejection 10 % → 90, conformance 96 % → 96: mean 92.
        // Delivery (90 + 80) / 2 = 85; responsiveness 80; risk 100 − 20 = 80.
        // 0.35 × 92 + 0.35 × 85 + 0.15 × 80 + 0.15 × 80 = 32.2 + 29.75 + 12 + 12 = 85.95 → 86.0, A.
        let o = scoring.score(full())
        let score = try #require(o.score)
        #expect(abs(score - 86.0) < 1e-9)
        #expect(o.grade == .a)
        #expect(o.note == nil)
        #expect(o.parts.map(\.part) == [.quality, .delivery, .responsiveness, .risk])
        let values = o.parts.compactMap(\.value)
        #expect(values.count == 4)
        #expect(abs(values[0] - 92) < 1e-9 && abs(values[1] - 85) < 1e-9)
        #expect(o.parts[0].basis == "PPM 1,000, lot rejection 10 %, CoA conformance 96 %")
        #expect(abs(o.parts[0].effectiveWeight - 0.35) < 1e-12)
    }

    @Test func noDataInOnePartReweightsTheRest() throws {
        var s = full()
        s.riskScore = nil
        s.riskLevel = .insufficientData
        // (32.2 + 29.75 + 12) / 0.85 = 73.95 / 0.85 = 87.0.
        let o = scoring.score(s)
        #expect(abs(try #require(o.score) - 87.0) < 1e-9)
        #expect(o.parts[3].value == nil)
        #expect(o.parts[3].basis == "no data")
        #expect(o.parts[3].effectiveWeight == 0)
        #expect(abs(o.parts[0].effectiveWeight - 0.35 / 0.85) < 1e-12)
        #expect(o.note == "no data for risk: its 15 % weight spread over quality, delivery, responsiveness")
    }

    @Test func aPartWithoutItsFiguresHasNoData() {
        // Only a risk score: quality, delivery, responsiveness have no data; 100 − 40 = 60, C.
        var s = SupplierScore(supplierId: "S")
        s.riskScore = 40
        s.riskLevel = .medium
        let o = scoring.score(s)
        #expect(o.score == 60)
        #expect(o.grade == .c)
        #expect(o.note == "no data for quality, delivery, responsiveness: their 85 % weight spread over risk")
    }

    @Test func noDataAtAllGivesNoScore() {
        let o = scoring.score(SupplierScore(supplierId: "S"))
        #expect(o.score == nil)
        #expect(o.grade == nil)
        #expect(o.parts.allSatisfy { $0.value == nil })
        #expect(o.note == "no data in any part: no score")
    }

    @Test func gradeBandsAreInclusiveLowerBounds() {
        #expect(scoring.grade(100) == .a)
        #expect(scoring.grade(85) == .a)
        #expect(scoring.grade(84.9) == .b)
        #expect(scoring.grade(70) == .b)
        #expect(scoring.grade(69.9) == .c)
        #expect(scoring.grade(55) == .c)
        #expect(scoring.grade(54.9) == .d)
        #expect(scoring.grade(0) == .d)
    }

    @Test func exactlyEightyFiveAfterRoundingIsAnA() {
        // Delivery alone: (0.85 + 0.85) / 2 × 100 is 85.00000000000001 in binary; the score is 85.0, A.
        var s = SupplierScore(supplierId: "S")
        s.otdRate = 0.85
        s.otifRate = 0.85
        let o = scoring.score(s)
        #expect(o.score == 85.0)
        #expect(o.grade == .a)
        s.otifRate = 0.848
        // (85 + 84.8) / 2 = 84.9: B.
        #expect(scoring.score(s).grade == .b)
    }

    @Test func ppmBeyondTheZeroPointClampsAtZero() {
        var s = SupplierScore(supplierId: "S")
        s.ppm = 25_000
        let o = scoring.score(s)
        #expect(o.parts[0].value == 0)
        #expect(o.score == 0)
        #expect(o.grade == .d)
    }

    @Test func configuredWeightsAndBandsApply() {
        var config = DecisionConfig()
        config.weightDelivery = 1
        config.weightQuality = 0
        config.weightResponsiveness = 0
        config.weightRisk = 0
        config.gradeA = 95
        let o = OverallScoring(config: config).score(full())
        // Only delivery weighs: 85, below the raised A band of 95: B.
        #expect(o.score == 85)
        #expect(o.grade == .b)
    }
}
