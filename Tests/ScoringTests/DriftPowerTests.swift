import Foundation
import Testing

@testable import Scoring

/// The drift detector's power table on generated series of 60 lots (first 10 the baseline), beside the
/// one-sided Welch t-test of the first 10 lots against the last 10 at the detector's own false-alarm
/// rate (`driftFalseAlarmRate`, which the measured rate stays under), on the same series. Fixed seeds; figures are printed and in docs/metrics.md.
/// Run: swift test --filter DriftPowerTests   (SCORECARD_DRIFT_SIMULATION_SCALE=4 for four times as many)
@Suite struct DriftPowerTests {
    static let scale =
        ProcessInfo.processInfo.environment["SCORECARD_DRIFT_SIMULATION_SCALE"].flatMap(Int.init)
        .map { max(1, min($0, 100)) } ?? 1
    static let inControl = 1_000 * scale
    static let shifted = 500 * scale

    struct Row {
        var values: DriftPowerSimulation.Values
        var inControlAtAsOf = 0.0
        var inControlLast40 = 0.0
        var welchInControl = 0.0
        var step2 = (detector: 0.0, welch: 0.0)
        var step1 = (detector: 0.0, welch: 0.0)
        var ramp = (detector: 0.0, welch: 0.0)
        var leads: [Int] = []
        var leadsWithin60: [Int] = []
        var shortInControl = 0.0
        var short15Step2 = 0.0
        var short19Step2 = 0.0
    }

    @Test(arguments: DriftPowerSimulation.Values.allCases)
    func powerAgainstWelch(values: DriftPowerSimulation.Values) throws {
        let seed = UInt64(20_261_202 + DriftPowerSimulation.Values.allCases.firstIndex(of: values)!)
        var sim = DriftPowerSimulation(values: values, normal: SeededNormal(seed: seed))
        var row = Row(values: values)
        let end = 59
        // In control: flagged at the as-of look, and at any of the last 40 nightly looks.
        var atEnd = 0
        var any40 = 0
        var welchIC = 0
        var inControlSeries: [[Double]] = []
        for _ in 0..<Self.inControl {
            let v = sim.series(60)
            let s = try #require(sim.drift(v))
            if s.rules(end: end).drifting { atEnd += 1 }
            if (20...end).contains(where: { sim.flagged(s, end: $0) }) { any40 += 1 }
            inControlSeries.append(v)
        }
        row.inControlAtAsOf = Double(atEnd) / Double(Self.inControl)
        row.inControlLast40 = Double(any40) / Double(Self.inControl)
        // Welch at the detector's own false-alarm rate: the configured one, which the measured rate stays
        // under; one-sided toward the true shift, so generous to Welch.
        let alpha = max(row.inControlAtAsOf, sim.config.driftFalseAlarmRate)
        for v in inControlSeries where DriftPowerSimulation.welchUpperP(v[0..<10], v[50..<60]) <= alpha {
            welchIC += 1
        }
        row.welchInControl = Double(welchIC) / Double(Self.inControl)

        func power(_ shift: @escaping (Int) -> Double) throws -> (detector: Double, welch: Double) {
            var caught = 0
            var welch = 0
            for _ in 0..<Self.shifted {
                let v = sim.series(60, shift: shift)
                if try #require(sim.drift(v)).rules(end: end).drifting { caught += 1 }
                if DriftPowerSimulation.welchUpperP(v[0..<10], v[50..<60]) <= alpha { welch += 1 }
            }
            return (Double(caught) / Double(Self.shifted), Double(welch) / Double(Self.shifted))
        }
        row.step2 = try power { $0 >= 50 ? 2 : 0 }
        row.step1 = try power { $0 >= 50 ? 1 : 0 }
        let ramp: (Int) -> Double = { $0 >= 20 ? 2.5 * Double($0 - 19) / 40 : 0 }
        row.ramp = try power(ramp)
        // Ramps run on at the same rate until their first out-of-spec lot (all reach the limit); the
        // nightly run looks after every lot. Lead = first out-of-spec lot − first flagged look.
        for _ in 0..<Self.shifted {
            var v: [Double] = []
            var firstOut: Int?
            while firstOut == nil && v.count < 160 {
                let x = sim.noise() + ramp(v.count)
                if abs(x) > 5 { firstOut = v.count }
                v.append(x)
            }
            guard let out = firstOut else { continue }
            let s = try #require(sim.drift(v))
            let first = (10..<max(10, v.count)).first { sim.flagged(s, end: $0) }
            let lead = first.map { out - $0 } ?? -1
            row.leads.append(lead)
            if out < 60 { row.leadsWithin60.append(lead) }
        }
        // Short series: 11–19 lots in control, and a 2σ step on every lot after the baseline.
        var shortFlags = 0
        for i in 0..<Self.inControl {
            let n = 11 + i % 9
            if try #require(sim.drift(sim.series(n))).rules(end: n - 1).drifting { shortFlags += 1 }
        }
        row.shortInControl = Double(shortFlags) / Double(Self.inControl)
        for n in [15, 19] {
            var caught = 0
            for _ in 0..<Self.shifted {
                let v = sim.series(n) { $0 >= 10 ? 2 : 0 }
                if try #require(sim.drift(v)).rules(end: n - 1).drifting { caught += 1 }
            }
            if n == 15 { row.short15Step2 = Double(caught) / Double(Self.shifted) }
            if n == 19 { row.short19Step2 = Double(caught) / Double(Self.shifted) }
        }
        print(Self.table(row, alpha: alpha))

        #expect(row.inControlAtAsOf <= 0.01)
        #expect(row.step2.detector >= 0.95)
        #expect(row.step1.detector >= row.step1.welch)
        #expect(row.ramp.detector >= 0.95)
        let early = Double(row.leads.filter { $0 >= 5 }.count) / Double(max(row.leads.count, 1))
        #expect(early >= 0.9)
        #expect(row.shortInControl <= 0.01)
    }

    static func table(_ r: Row, alpha: Double) -> String {
        func p(_ x: Double) -> String { String(format: "%.1f %%", x * 100) }
        func share(_ leads: [Int]) -> String {
            p(Double(leads.filter { $0 >= 5 }.count) / Double(max(leads.count, 1)))
        }
        let sorted = r.leads.sorted()
        func q(_ f: Double) -> String {
            sorted.isEmpty ? "-" : String(sorted[min(sorted.count - 1, Int(Double(sorted.count) * f))])
        }
        let missed = r.leads.filter { $0 < 0 }.count
        return """
            drift power, \(r.values.rawValue) values (\(inControl) in control, \(shifted) per shifted kind, 60 lots, baseline 10):
            | | detector | Welch first 10 vs last 10, one-sided at \(p(alpha)) |
            | --- | --- | --- |
            | in control, flagged at the as-of date | \(p(r.inControlAtAsOf)) | \(p(r.welchInControl)) |
            | in control, flagged at any of the last 40 nightly looks | \(p(r.inControlLast40)) | |
            | 2σ step over the last 10 lots | \(p(r.step2.detector)) | \(p(r.step2.welch)) |
            | 1σ step over the last 10 lots | \(p(r.step1.detector)) | \(p(r.step1.welch)) |
            | ramp to 2.5σ over the last 40 lots | \(p(r.ramp.detector)) | \(p(r.ramp.welch)) |
            | ramp run on to the limit: first flag ≥ 5 lots before the first out-of-spec lot | \(share(r.leads)) of \(r.leads.count) (lead p5 \(q(0.05)), p10 \(q(0.1)), p25 \(q(0.25)), median \(q(0.5)); out of spec before any flag \(missed)) | |
            | … of those out of spec within the 60 lots | \(share(r.leadsWithin60)) of \(r.leadsWithin60.count) | |
            | 11–19 lots in control, flagged | \(p(r.shortInControl)) | |
            | 2σ step on the 5 lots after the baseline (15 lots) | \(p(r.short15Step2)) | |
            | 2σ step on the 9 lots after the baseline (19 lots) | \(p(r.short19Step2)) | |
            """
    }
}
