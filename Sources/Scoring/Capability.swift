/// Process capability of a set of values against specification limits.
public struct Capability: Sendable, Hashable {
    public var n: Int
    public var mean: Double?
    /// Sample standard deviation (n − 1), before any floor.
    public var sd: Double?
    /// (USL − LSL) / 6σ; nil with a one-sided specification.
    public var cp: Double?
    /// min(USL − mean, mean − LSL) / 3σ, over the limits that exist.
    public var cpk: Double?

    /// `sigmaFloor` replaces a smaller (or zero) standard deviation, so that constant values give a
    /// large but finite Cpk. With fewer than two values there is no capability.
    public init(values: [Double], lower: Double?, upper: Double?, sigmaFloor: Double = 0) {
        n = values.count
        mean = Stats.mean(values)
        sd = Stats.sampleSD(values)
        guard let mean, let sd else { return }
        let sigma = max(sd, sigmaFloor)
        guard sigma > 0 else { return }
        if let lower, let upper { cp = (upper - lower) / (6 * sigma) }
        let sides = [upper.map { ($0 - mean) / (3 * sigma) }, lower.map { (mean - $0) / (3 * sigma) }]
        cpk = sides.compactMap { $0 }.min()
    }
}
