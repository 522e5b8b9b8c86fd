/// SplitMix64 (Steele, Lea, Flood 2014): a small, fixed-seed generator so simulations repeat exactly.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

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
