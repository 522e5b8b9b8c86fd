import Foundation

/// SplitMix64: a deterministic generator, so a failing fuzz case is reproduced from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

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
            var generator = SeededGenerator(seed: seed &+ UInt64(iteration) &* 0x2545_F491_4F6C_DD1D)
            body(&generator, iteration)
            iteration += 1
        }
        return iteration
    }
}
