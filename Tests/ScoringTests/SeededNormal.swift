import TestSupport

extension SplitMix64 {
    /// Uniform on (0, 1): 53 random bits, never exactly 0.
    mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992
    }
}

/// Standard normal deviates by the Box–Muller transform, two per pair of uniforms.
struct SeededNormal {
    var rng: SplitMix64
    private var spare: Double?

    init(seed: UInt64) {
        rng = SplitMix64(state: seed)
    }

    mutating func next() -> Double {
        if let s = spare {
            spare = nil
            return s
        }
        let r = (-2 * log(rng.uniform())).squareRoot()
        let theta = 2 * Double.pi * rng.uniform()
        spare = r * sin(theta)
        return r * cos(theta)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
