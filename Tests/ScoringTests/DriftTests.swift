import Domain
import Testing

@testable import Scoring

private let asOf = B.day("2026-06-30")

/// A moisture series on spec 0–10 %, one lot a day ending on `end`; edge band = outer 10 %.
private func series(
    _ values: [Double], lower: Double? = 0, upper: Double? = 10, material: String = "MAT-1",
    end: String = "2026-06-20"
) -> [LotMeasurement] {
    let last = B.day(end)
    return values.enumerated().map { i, v in
        let verdict: Verdict
        if let upper, v > upper {
            verdict = .fail
        } else if let lower, v < lower {
            verdict = .fail
        } else if let upper, v >= upper - 1 {
            verdict = .edge
        } else if let lower, v <= lower + 1 {
            verdict = .edge
        } else {
            verdict = .pass
        }
        return B.measurement(
            String(format: "LOT-%02d", i + 1), day: last.advanced(by: i - values.count + 1).iso, value: v,
            verdict: verdict, material: material, lower: lower, upper: upper)
    }
}

private let baseline = [5.0, 5.2, 4.8, 5.1, 4.9, 5.0, 5.2, 4.8, 5.1, 4.9]  // mean 5, sd √(0.2/9)

private func score(_ ms: [LotMeasurement], critical: Bool = false) -> SupplierResult {
    Scorer(config: ScoringConfig()).score(
        SupplierInputs(
            supplier: B.supplier, measurements: ms, materialCriticality: critical ? ["MAT-1": .critical] : [:]
        ),
        asOf: asOf)
}

@Suite struct DriftTests {
    @Test func risingSeriesIsFlaggedCritical() throws {
        let rising = (1...10).map { 5 + 0.4 * Double($0) }  // 5.4 … 9.0
        let result = score(series(baseline + rising))
        let c = try #require(result.capabilities.first)
        #expect(c.lots == 20)
        #expect(try abs(#require(c.baseline.mean) - 5) < 1e-12)
        #expect(try abs(#require(c.baseline.sd) - (0.2 / 9).squareRoot()) < 1e-12)
        #expect(try abs(#require(c.recent.mean) - 7.2) < 1e-12)
        // Recent sd = 0.4·√(10·11/12) = 1.2111; Cpk = (10 − 7.2) / (3 · 1.2111) = 0.7707.
        let recentSD: Double = 0.4 * (110.0 / 12).squareRoot()
        let expectedCpk: Double = 2.8 / (3 * recentSD)
        let cpk = try #require(c.recent.cpk)
        #expect(abs(cpk - expectedCpk) < 1e-9)
        #expect(try abs(#require(c.recentSlopePerLot) - 0.4) < 1e-12)
        #expect(try abs(#require(c.projectedLotsToLimit) - 2.5) < 1e-9)  // (10 − 9) / 0.4
        #expect(c.edgeShareBaseline == 0)
        #expect(c.edgeShareRecent == 0.1)
        #expect(c.driftDirection == .upper)
        #expect(c.ewmaSignalLot == "LOT-20")
        #expect(c.trendSignalLot == "LOT-20")
        #expect(c.edgeShareSignal)

        let flag = try #require(result.flags.first { $0.kind == .edgeOfToleranceDrift })
        #expect(flag.severity == .critical)
        #expect(flag.characteristic == "moisture")
        #expect(
            flag.message
                == "Moisture of MAT-1 drifts toward the upper limit 10 %: the last 10 lots average 7.2 against 5.0 in "
                + "the first 10, 2.5 σ up; the recent lots apart from all earlier ones, EWMA beyond its control "
                + "limit, the last 6 lots each closer to the limit, 1 of the last 10 lots in the edge band against "
                + "0 of the first 10; Cpk 0.8 from 11.2; about 3 lots to the limit at the recent rate; evidence: "
                + "flagged at any false-alarm rate down to 0.0021 %.")
        // 20 lots, no middle: recent 10 against the baseline 10, σ pooled within both, √(13.4 / 18) = 0.8628;
        // t = 2.2 / (0.8628 · √0.2) = 5.7015, 18 df, one-sided p 1.044e-5, times two directions.
        #expect(try abs(#require(c.driftPValue) - 2.0886e-5) < 1e-8)
        #expect(abs(c.sigmaUsed - (13.4 / 18).squareRoot()) < 1e-12)
        #expect(c.driftTest == .recentAgainstEarlier)
        #expect(flag.lots == (11...20).map { String(format: "LOT-%02d", $0) })
        guard case .object(let e) = flag.evidence, case .array(let lots) = e["recent_lots"] else {
            Issue.record("no recent lots in evidence")
            return
        }
        #expect(lots.count == 10)
        #expect(e["projected_lots_to_limit"] == .number(2.5))
    }

    @Test func movingBackTowardTheCentreIsQuiet() {
        // Sits near the upper limit, then comes down to about 6: toward the centre, not a limit.
        let high = baseline.map { $0 + 3 }  // mean 8
        let down = [7.6, 7.2, 6.9, 6.6, 6.4, 6.2, 6.1, 6.0, 6.0, 6.1]
        let result = score(series(high + down))
        #expect(result.capabilities.first?.driftDirection == nil)
        #expect(result.flags.isEmpty)
    }

    @Test func oneSidedLimitOnlyWatchesItsSide() {
        let falling = (1...10).map { 5 - 0.3 * Double($0) }
        let quiet = score(series(baseline + falling, lower: nil, upper: 10))
        #expect(quiet.flags.isEmpty)
        let rising = (1...10).map { 5 + 0.3 * Double($0) }
        let loud = score(series(baseline + rising, lower: nil, upper: 10))
        #expect(loud.flags.map(\.kind) == [.edgeOfToleranceDrift])
        #expect(loud.capabilities.first?.baseline.cp == nil)
    }

    @Test func constantBaselineUsesTheFloor() throws {
        // sd 0: the floor is 1 % of the 0–10 width, 0.1. A 0.05 step is noise at that floor.
        let flat = Array(repeating: 5.0, count: 15) + [5.05, 5.0, 5.05, 5.0, 5.05]
        let result = score(series(flat))
        let c = try #require(result.capabilities.first)
        #expect(c.sigmaUsed == 0.1)
        #expect(c.baseline.sd == 0)
        #expect(result.flags.isEmpty)
    }

    @Test func shortSeriesHasCapabilityButNoRules() throws {
        let result = score(series([5, 5.5, 6, 6.5, 7, 7.5, 8]))
        let c = try #require(result.capabilities.first)
        #expect(c.monitored == false)
        #expect(c.baseline.n == 7)
        #expect(result.flags.isEmpty)
    }

    @Test func outOfToleranceLotsInTheWindow() throws {
        var ms = series(baseline + [5, 5.1, 10.4, 4.9, -0.2])
        ms.append(B.measurement("OLD", day: "2026-01-10", value: 11, verdict: .fail))  // baseline window
        let result = score(ms, critical: true)
        let flag = try #require(result.flags.first { $0.kind == .outOfTolerance })
        #expect(flag.severity == .critical)
        #expect(
            flag.message
                == "2 lots of MAT-1 out of tolerance on moisture (min 0, max 10 %): LOT-13 10.4 % (2026-06-18), "
                + "LOT-15 -0.2 % (2026-06-20).")
    }

    @Test func latestDocumentOfALotWins() throws {
        var ms = series(baseline)
        var corrected = ms[9]
        corrected.documentId = 2
        corrected.value = 5.3
        ms.append(corrected)
        let c = try #require(score(ms).capabilities.first)
        #expect(c.lots == 10)
        #expect(try abs(#require(c.baseline.mean) - 5.04) < 1e-12)
    }
}
