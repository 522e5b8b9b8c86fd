/// SplitMix64 (Steele, Lea and Flood, 2014): tiny, fast and fully specified, so a seed gives the same world
/// on every platform and toolchain. The standard library promises neither for its generators nor for
/// `random(in:)`, and Foundation's randomness is not seedable. Normals and spreads avoid libm for the same
/// reason.
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// An independent stream for one part of the world (a source, a supplier's messages, a lot), derived
    /// from the world seed and a path of tags, so a part can be regenerated alone and identically.
    init(seed: UInt64, _ tags: UInt64...) {
        var s = DemoRandom.mix(seed)
        for tag in tags {
            s = DemoRandom.mix(s ^ DemoRandom.mix(tag &+ 0x632B_E59B_D9B4_E019))
        }
        state = s
    }

    /// The SplitMix64 output function.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        let value = DemoRandom.mix(state)
        state &+= 0x9E37_79B9_7F4A_7C15
        return value
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * unit()
    }

    /// Uniform integer in the closed range (Lemire's multiply-high, bias negligible here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// Standard normal by Irwin–Hall (twelve uniforms minus six): no libm, so identical everywhere, and
    /// bounded at ±6, which keeps planted in-spec stories in spec.
    mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += unit() }
        return sum - 6
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        precondition(!items.isEmpty, "pick from an empty list")
        return items[int(0...(items.count - 1))]
    }

    /// An index drawn with the given weights (need not sum to one).
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (index, weight) in weights.enumerated() {
            if x < weight { return index }
            x -= weight
        }
        return weights.count - 1
    }
}
