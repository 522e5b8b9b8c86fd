import Testing

@testable import Scoring

@Suite struct OverallScoreTests {
    let scoring = OverallScoring(config: DecisionConfig())

    func full() -> SupplierScore {
        var s = SupplierScore(supplierId: "S")
        s.ppm = 1_000
        s.lotRejectionRate = 0.05
        s.coaConformanceRate = 0.98
        s.otdRate = 0.95
        s.otifRate = 0.9
        s.withinSLARate = 0.9
        s.riskScore = 20
        s.riskLevel = .low
        return s
    }

    @Test func weightedMeanOfTheFourParts() throws {
        // Quality: PPM 1,000 → 90; lot acceptance 95 % → (0.95 − 0.8) / 0.2 = 75; conformance 98 % → 90:
        // mean 85. Delivery: OTD 95 % → (0.95 − 0.5) / 0.5 = 90, OTIF 90 % → 80: 85. Responsiveness 90 % → 80.
        // Risk 100 − 20 = 80. 0.35 × 85 + 0.35 × 85 + 0.15 × 80 + 0.15 × 80 = 83.5, B.
        let o = scoring.score(full())
        let score = try #require(o.score)
        #expect(abs(score - 83.5) < 1e-9)
        #expect(o.grade == .b)
        #expect(o.note == nil)
        #expect(o.parts.map(\.part) == [.quality, .delivery, .responsiveness, .risk])
        let values = o.parts.compactMap(\.value)
        #expect(values.count == 4)
        #expect(abs(values[0] - 85) < 1e-9 && abs(values[1] - 85) < 1e-9)
        #expect(abs(values[2] - 80) < 1e-9 && abs(values[3] - 80) < 1e-9)
        #expect(o.parts[0].basis == "PPM 1,000, lot rejection 5 %, CoA conformance 98 %")
        #expect(abs(o.parts[0].effectiveWeight - 0.35) < 1e-12)
    }

    @Test func noDataInOnePartReweightsTheRest() throws {
        var s = full()
        s.riskScore = nil
        s.riskLevel = .insufficientData
        // (29.75 + 29.75 + 12) / 0.85 = 71.5 / 0.85 = 84.12 → 84.1.
        let o = scoring.score(s)
        #expect(abs(try #require(o.score) - 84.1) < 1e-9)
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
        // Delivery alone: OTD = OTIF = 92.5 % → (0.925 − 0.5) / 0.5 = 85 points (not exact in binary);
        // the score is 85.0, A.
        var s = SupplierScore(supplierId: "S")
        s.otdRate = 0.925
        s.otifRate = 0.925
        let o = scoring.score(s)
        #expect(o.score == 85.0)
        #expect(o.grade == .a)
        s.otifRate = 0.924
        // OTIF 92.4 % → 84.8; (85 + 84.8) / 2 = 84.9: B.
        #expect(scoring.score(s).grade == .b)
    }

    @Test func ratesMapLinearlyFromTheirZeroPoint() {
        let points = { (rate: Double, zero: Double) in self.scoring.points(rate, zero: zero) }
        #expect(points(1, 0.5) == 100)
        #expect(abs(points(0.75, 0.5) - 50) < 1e-9)
        #expect(points(0.5, 0.5) == 0)
        #expect(points(0.3, 0.5) == 0)
        // A supplier on time two times in three: 33 delivery points, not 67.
        var s = SupplierScore(supplierId: "S")
        s.otdRate = 2.0 / 3
        s.otifRate = 2.0 / 3
        #expect(scoring.score(s).score == 33.3)
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
