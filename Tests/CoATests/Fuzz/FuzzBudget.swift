import Foundation
import TestSupport

/// The fuzzers' generator: deterministic, so a failing case is reproduced from its seed.
typealias SeededGenerator = SplitMix64

/// How long a fuzz test runs: a few seconds in the test suite; `scripts/fuzz` sets `FUZZ_SECONDS` (and
/// optionally `FUZZ_ITERATIONS`, `FUZZ_SEED`) to run longer.
struct FuzzBudget {
    let seconds: Double
    let iterations: Int
    let seed: UInt64

    static func fromEnvironment(defaultSeconds: Double) -> FuzzBudget {
        let environment = ProcessInfo.processInfo.environment
        return FuzzBudget(
            seconds: environment["FUZZ_SECONDS"].flatMap(Double.init) ?? defaultSeconds,
            iterations: environment["FUZZ_ITERATIONS"].flatMap(Int.init) ?? Int.max,
            seed: environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_202)
    }

    /// Calls `body` with a fresh generator per iteration (seeded from the seed and the iteration) until
    /// the time or the iterations are spent; returns how many ran.
    func run(_ body: (inout SeededGenerator, Int) -> Void) -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        var iteration = 0
        while iteration < iterations, Date() < deadline {
            var generator = SeededGenerator(state: seed &+ UInt64(iteration) &* 0x2545_F491_4F6C_DD1D)
            body(&generator, iteration)
            iteration += 1
        }
        return iteration
    }
}
