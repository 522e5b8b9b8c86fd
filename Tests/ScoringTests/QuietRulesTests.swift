import Domain
import Foundation
import Testing

@testable import Scoring

/// The guards that keep chance and harmless shifts from raising flags.
@Suite struct QuietRulesTests {
    @Test func wilsonUpperBoundsWorkedByHand() {
        // 7 of 9: p 0.778, z² 2.706: (0.778 + 0.150 + 0.273) / 1.301 = 0.9235.
        #expect(abs(Stats.wilsonUpperBound(successes: 7, trials: 9) - 0.9235) < 5e-4)
        // 3 of 10: (0.3 + 0.1353 + 0.2741) / 1.2706 = 0.5583.
        #expect(abs(Stats.wilsonUpperBound(successes: 3, trials: 10) - 0.5583) < 5e-4)
        #expect(Stats.wilsonUpperBound(successes: 0, trials: 0) == 1)
    }

    private func messages(fast: Int, slow: Int) -> [Communication] {
        (0..<(fast + slow)).map { k in
            let sent = B.day("2026-05-01").advanced(by: k)
            let hours = k < fast ? 10 : 60
            return B.message(
                "M\(k)", sent: "\(sent.iso)T08:00:00Z",
                responded: ISO8601DateFormatter().string(
                    from: B.at("\(sent.iso)T08:00:00Z").addingTimeInterval(Double(hours) * 3600)))
        }
    }

    private func slowFlag(_ ms: [Communication]) -> Flag? {
        Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, communications: ms), asOf: B.day("2026-06-30")
        ).flags.first { $0.kind == .slowResponse }
    }

    @Test func sevenOfNineWithinTheSLAIsNotProvenSlow() {
        // 78 % within the SLA, median 10 h: an 80 % supplier could answer like this by chance.
        #expect(slowFlag(messages(fast: 7, slow: 2)) == nil)
    }

    @Test func twelveOfTwentyWithinTheSLAIsSlow() throws {
        // 60 %: the Wilson upper bound, 0.758, is under the 80 % target although the median is 10 h.
        let flag = try #require(slowFlag(messages(fast: 12, slow: 8)))
        #expect(flag.message.contains("60 % of 20 messages answered within it"))
    }

    @Test func aDriftOfAVeryCapableProcessIsStoredButNotFlagged() throws {
        // Spec 0–100: a shift from 50 to 55 is a real drift (EWMA) but Cpk stays far above 2.
        let base = [50.0, 50.2, 49.8, 50.1, 49.9, 50.0, 50.2, 49.8, 50.1, 49.9]
        let shifted = base.map { $0 + 5 }
        let last = B.day("2026-06-20")
        let all = base + shifted
        let ms = all.enumerated().map { i, v in
            B.measurement(
                String(format: "LOT-%02d", i + 1), day: last.advanced(by: i - all.count + 1).iso, value: v,
                verdict: .pass, lower: 0, upper: 100)
        }
        let result = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, measurements: ms), asOf: B.day("2026-06-30"))
        let c = try #require(result.capabilities.first)
        #expect(c.driftDirection == .upper)
        #expect(try #require(c.recent.cpk) > 2)
        #expect(result.flags.allSatisfy { $0.kind != .edgeOfToleranceDrift })
        // The same drift with the quiet threshold lifted is flagged.
        var config = ScoringConfig()
        config.driftQuietCpk = 1_000
        let loud = Scorer(config: config).score(
            SupplierInputs(supplier: B.supplier, measurements: ms), asOf: B.day("2026-06-30"))
        #expect(loud.flags.contains { $0.kind == .edgeOfToleranceDrift })
    }
}
