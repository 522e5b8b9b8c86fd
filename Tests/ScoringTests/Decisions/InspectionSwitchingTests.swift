import Domain
import Testing

@testable import Scoring

/// ISO 2859-1 switching rules replayed on sequences worked out by hand. "A" = accepted, "R" = rejected;
/// lots 10 days apart unless stated.
@Suite struct InspectionSwitchingTests {
    let rules = InspectionSwitching(config: DecisionConfig())

    func lots(_ pattern: String, every days: Int = 10, from start: Day = Day(year: 2026, month: 1, day: 1))
        -> [InspectionSwitching.Lot]
    {
        pattern.enumerated().map { i, c in
            InspectionSwitching.Lot(name: "L\(i + 1)", day: start.advanced(by: i * days), accepted: c == "A")
        }
    }

    func levels(_ steps: [InspectionStep]) -> String {
        steps.map { step in
            switch step.nextLevel {
            case .normal: "n"
            case .tightened: "t"
            case .reduced: "r"
            case .discontinue: "x"
            }
        }.joined()
    }

    @Test func twoRejectedWithinFiveLotsTightens() {
        // Scores: A 2, A 4, R 0, A 2; lot 5 is the second rejection among AARAR: tightened.
        let steps = rules.replay(lots("AARAR"))
        #expect(levels(steps) == "nnnnt")
        #expect(steps.map(\.switchingScore) == [2, 4, 0, 2, 0])
        #expect(steps.map(\.level) == [.normal, .normal, .normal, .normal, .normal])
        #expect(steps[4].note == "2 of 5 consecutive lots rejected: normal → tightened")
    }

    @Test func twoRejectedFiveLotsApartStayNormal() {
        // R A A A A R: the two rejections are six lots apart, never within five consecutive lots.
        #expect(levels(rules.replay(lots("RAAAAR"))) == "nnnnnn")
        // R A A A R: exactly five consecutive lots with two rejections.
        #expect(levels(rules.replay(lots("RAAAR"))) == "nnnnt")
        // Two in a row tighten at once (2 of 2).
        let steps = rules.replay(lots("RR"))
        #expect(levels(steps) == "nt")
        #expect(steps[1].note == "2 of 2 consecutive lots rejected: normal → tightened")
    }

    @Test func fiveConsecutiveAcceptedUnderTightenedReturnToNormal() {
        // Tightened after lot 2; lots 3–6 accepted (4), lot 7 the fifth: normal; lot 8 starts a new score.
        let steps = rules.replay(lots("RRAAAAAA"))
        #expect(levels(steps) == "ntttttnn")
        #expect(steps[6].level == .tightened)
        #expect(steps[6].note == "5 consecutive lots accepted: tightened → normal")
        #expect(steps[7].level == .normal)
        #expect(steps[7].switchingScore == 2)
        // A rejection under tightened restarts the count of accepted lots: lots 3 A, 4 A, 5 R, 6–10 A.
        #expect(levels(rules.replay(lots("RRAARAAAAA"))) == "nttttttttn")
    }

    @Test func fiveRejectedUnderTightenedDiscontinue() {
        // Tightened after lot 2; lots 3–7 all rejected: the fifth (lot 7) discontinues.
        #expect(levels(rules.replay(lots("RRRRRRR"))) == "ntttttx")
        // Cumulative, with accepted lots between (never five in a row): rejections at lots 3, 5, 7, 9, 11.
        let steps = rules.replay(lots("RRRARARARARAA"))
        #expect(levels(steps) == "nttttttttt" + "xxx")
        #expect(steps[10].note == "5 lots rejected under tightened inspection: discontinue")
        // After discontinuation nothing switches back: corrective action is not in the data.
        #expect(steps[12].level == .discontinue && steps[12].accepted)
    }

    @Test func switchingScoreOfThirtyReduces() {
        // Two points per accepted lot: 14 lots make 28, the 15th makes 30 and switches.
        let fourteen = rules.replay(lots(String(repeating: "A", count: 14)))
        #expect(fourteen.last?.nextLevel == .normal)
        #expect(fourteen.last?.switchingScore == 28)
        let fifteen = rules.replay(lots(String(repeating: "A", count: 15)))
        #expect(fifteen.last?.nextLevel == .reduced)
        #expect(fifteen.last?.switchingScore == 30)
        #expect(fifteen.last?.note == "switching score 30 reached 30: normal → reduced")
    }

    @Test func rejectionUnderNormalRestartsTheScore() {
        // Lot 8 rejected: score 0; lots 9–23 (15 lots) bring it back to 30 at lot 23.
        let steps = rules.replay(lots("AAAAAAAR" + String(repeating: "A", count: 15)))
        #expect(steps[6].switchingScore == 14)
        #expect(steps[7].switchingScore == 0)
        #expect(steps[21].switchingScore == 28 && steps[21].nextLevel == .normal)
        #expect(steps[22].switchingScore == 30 && steps[22].nextLevel == .reduced)
    }

    @Test func oneRejectionUnderReducedReturnsToNormal() {
        // Reduced after lot 15; lots 16, 17 accepted at reduced; lot 18 rejected: normal; lot 19 scores 2.
        let steps = rules.replay(lots(String(repeating: "A", count: 15) + "AARA"))
        #expect(levels(steps) == String(repeating: "n", count: 14) + "rrrnn")
        #expect(steps[17].level == .reduced)
        #expect(steps[17].note == "lot rejected under reduced inspection: reduced → normal")
        #expect(steps[18].switchingScore == 2)
    }

    @Test func productionGapEndsReducedAndRestartsTheScore() {
        var seq = lots(String(repeating: "A", count: 15))
        let last = seq[14].day
        // 91 days later (more than 90): not steady production, back to normal, score restarts at this lot.
        seq.append(InspectionSwitching.Lot(name: "L16", day: last.advanced(by: 91), accepted: true))
        let steps = rules.replay(seq)
        #expect(steps[15].level == .normal)
        #expect(steps[15].switchingScore == 2)
        #expect(steps[15].note == "91 days without a lot: reduced → normal")
        // Exactly 90 days is still steady: the lot is inspected at reduced.
        seq[15].day = last.advanced(by: 90)
        #expect(rules.replay(seq)[15].level == .reduced)
        // Under normal the gap restarts the score: 5 lots (10), gap, one lot: 2.
        var normal = lots("AAAAA")
        normal.append(
            InspectionSwitching.Lot(name: "L6", day: normal[4].day.advanced(by: 120), accepted: true))
        let n = rules.replay(normal)
        #expect(n[5].switchingScore == 2)
        #expect(n[5].note == "120 days without a lot: switching score restarts")
    }

    func records(_ pattern: String, every days: Int, lastOn: Day) -> [LotRecord] {
        let first = lastOn.advanced(by: -(pattern.count - 1) * days)
        return pattern.enumerated().map { i, c in
            LotRecord(
                receiptId: "R\(i + 1)", materialId: "MAT-1", lotNumber: "L\(i + 1)",
                receivedOn: first.advanced(by: i * days), rejected: c == "R", coaMissing: false,
                findings: c == "R" ? ["rejected (defect D\(i + 1))"] : [])
        }
    }

    @Test func skipLotCandidateNeedsTenAcceptedLotsOverSixMonths() {
        let asOf = Day(year: 2026, month: 6, day: 30)
        // 12 accepted lots 20 days apart, the last on the as-of day: 220 days of supply, streak 12.
        let ok = rules.recommend(
            supplierId: "S", materialId: "MAT-1", lots: records("AAAAAAAAAAAA", every: 20, lastOn: asOf),
            asOf: asOf)
        #expect(ok.level == .normal)
        #expect(ok.skipLotCandidate)
        #expect(ok.switchingScore == 24)
        #expect(ok.acceptedStreak == 12)
        #expect(ok.reasons.last == "skip-lot candidate: 12 consecutive lots accepted over 220 days of supply")
        // A rejection three lots before the end: streak 9, not a candidate.
        let broken = rules.recommend(
            supplierId: "S", materialId: "MAT-1",
            lots: records("AAAAAAAAARAAAAAAAAA", every: 12, lastOn: asOf),
            asOf: asOf)
        #expect(!broken.skipLotCandidate)
        #expect(broken.acceptedStreak == 9)
        #expect(broken.rejectedLots == 1)
        #expect(
            broken.reasons.last == "not a skip-lot candidate: 9 consecutive accepted lots, 10 needed")
        // Ten lots 19 days apart: 171 days of history, short of 180.
        let young = rules.recommend(
            supplierId: "S", materialId: "MAT-1", lots: records("AAAAAAAAAA", every: 19, lastOn: asOf),
            asOf: asOf)
        #expect(!young.skipLotCandidate)
        #expect(young.reasons.last == "not a skip-lot candidate: 171 days of supply history, 180 needed")
        // Exactly 180 days and 10 lots: a candidate (both bounds inclusive).
        let edge = rules.recommend(
            supplierId: "S", materialId: "MAT-1", lots: records("AAAAAAAAAA", every: 20, lastOn: asOf),
            asOf: asOf)
        #expect(edge.skipLotCandidate)
    }

    @Test func anOpenProcessFindingRulesOutSkipLot() {
        let asOf = Day(year: 2026, month: 6, day: 30)
        let r = rules.recommend(
            supplierId: "S", materialId: "MAT-1", lots: records("AAAAAAAAAAAA", every: 20, lastOn: asOf),
            asOf: asOf,
            processFindings: ["assay of MAT-1 drifting toward a limit"])
        #expect(!r.skipLotCandidate)
        #expect(r.reasons.last == "not a skip-lot candidate: assay of MAT-1 drifting toward a limit")
    }

    @Test func noLotsMeansNormalAndNoSkipLot() {
        let r = rules.recommend(
            supplierId: "S", materialId: "MAT-1", lots: [], asOf: Day(year: 2026, month: 6, day: 30))
        #expect(r.level == .normal)
        #expect(!r.skipLotCandidate)
        #expect(r.lots == 0)
        #expect(r.reasons == ["no lots received in the look-back: normal inspection"])
    }

    @Test func tightenedIsNeverASkipLotCandidate() {
        let asOf = Day(year: 2026, month: 6, day: 30)
        let r = rules.recommend(
            supplierId: "S", materialId: "MAT-1", lots: records("AAAAAAAAAAAARR", every: 20, lastOn: asOf),
            asOf: asOf)
        #expect(r.level == .tightened)
        #expect(!r.skipLotCandidate)
        #expect(
            r.reasons.first == "2 of 5 consecutive lots rejected: normal → tightened at lot L14 (2026-06-30)")
    }
}
