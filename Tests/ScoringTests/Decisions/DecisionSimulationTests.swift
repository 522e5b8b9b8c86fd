import Domain
import Foundation
import Testing

@testable import Scoring

/// The decisions on generated suppliers whose truth is known: clean ones must stay off probation and
/// rarely be conditional; each real problem must be caught. `DECISION_SIMULATION_SUPPLIERS` (default
/// 1,000 per group) sets the size.
@Suite struct DecisionSimulationTests {
    struct Tally {
        var n = 0
        var probation = 0
        var conditional = 0
        var notReady = 0
        var tooFew = 0
        var violations: [String] = []

        func share(_ x: Int) -> Double { n > 0 ? Double(x) / Double(n) : 0 }
        var caught: Double { share(probation + conditional) }

        mutating func add(_ d: SupplierDecision, flags: [Flag]) {
            n += 1
            switch d.status.status {
            case .probation: probation += 1
            case .conditional: conditional += 1
            default: break
            }
            let r = d.readiness.first?.state
            if r == .notReady { notReady += 1 }
            if r == .tooFewToJudge { tooFew += 1 }
            violations += VerdictInvariants.violations(d, flags: flags)
        }

        static func + (a: Tally, b: Tally) -> Tally {
            Tally(
                n: a.n + b.n, probation: a.probation + b.probation,
                conditional: a.conditional + b.conditional,
                notReady: a.notReady + b.notReady, tooFew: a.tooFew + b.tooFew,
                violations: a.violations + b.violations)
        }
    }

    static let perGroup =
        ProcessInfo.processInfo.environment["DECISION_SIMULATION_SUPPLIERS"].flatMap { Int($0) } ?? 1_000

    func run(_ problem: SimulatedSupplier.Problem, count: Int, seed: UInt64) -> Tally {
        let scorer = Scorer(config: ScoringConfig())
        let maker = DecisionMaker(config: DecisionConfig())
        let specs = [
            SpecificationVersion(
                materialId: "MAT-1", characteristic: "moisture", validFrom: B.day("2025-01-01"))
        ]
        let parts = 8
        let tallies = TallySlots(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var tally = Tally()
            for i in stride(from: part, to: count, by: parts) {
                let supplier = SimulatedSupplier(problem: problem, growing: i % 2 == 0)
                let inputs = supplier.inputs(seed: seed &+ UInt64(i) &* 0x2545_F491_4F6C_DD1D)
                let result = scorer.score(inputs, asOf: SimulatedSupplier.asOf)
                tally.add(
                    maker.decide(result: result, inputs: inputs, specifications: specs), flags: result.flags)
            }
            tallies.set(part, tally)
        }
        return tallies.all.reduce(Tally(), +)
    }

    @Test func cleanSuppliersStayOffProbationAndProblemsAreCaught() {
        let n = Self.perGroup
        let clean = run(.none, count: n, seed: 1)
        let problems = SimulatedSupplier.Problem.allCases.filter { $0 != .none }
        let each = problems.map { ($0, run($0, count: max(250, n / problems.count), seed: 7)) }
        let all = each.map(\.1).reduce(Tally(), +)
        func row(_ name: String, _ t: Tally) -> String {
            let p = { (x: Int) in String(format: "%5.1f %%", 100 * t.share(x)) }
            return
                "\(name.padding(toLength: 18, withPad: " ", startingAt: 0)) n \(String(t.n).padding(toLength: 5, withPad: " ", startingAt: 0)) "
                + "probation \(p(t.probation))  conditional \(p(t.conditional))  caught \(String(format: "%5.1f %%", 100 * t.caught))  "
                + "not ready \(p(t.notReady))  too few to judge \(p(t.tooFew))"
        }
        print("decision simulation (seeds 1 and 7):")
        print(row("clean", clean))
        for (problem, t) in each { print(row(problem.rawValue, t)) }
        print(row("all problems", all))
        #expect(clean.share(clean.probation) <= 0.01)
        #expect(clean.share(clean.conditional) <= 0.05)
        #expect(all.caught >= 0.95)
        for (problem, t) in each { #expect(t.caught >= 0.9, "\(problem.rawValue)") }
        #expect(
            clean.violations.isEmpty && all.violations.isEmpty,
            "\((clean.violations + all.violations).prefix(5))")
    }
}

/// One result per worker, written from `concurrentPerform` (each index by one worker only).
private final class TallySlots: @unchecked Sendable {
    private var slots: [DecisionSimulationTests.Tally?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ tally: DecisionSimulationTests.Tally) {
        lock.lock()
        slots[index] = tally
        lock.unlock()
    }

    var all: [DecisionSimulationTests.Tally] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
