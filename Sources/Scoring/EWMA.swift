import Foundation

/// An EWMA control chart for individual values: z₀ = centre, zᵢ = λxᵢ + (1 − λ)zᵢ₋₁, with limits (L = `sigmaMultiple`)
/// centre ± L·σ·√(λ/(2 − λ)·(1 − (1 − λ)^{2i})) (exact, time-varying) or without the last factor
/// (asymptotic). Montgomery, Introduction to Statistical Quality Control, §9.2; NIST/SEMATECH 6.3.2.4.
public struct EWMAChart: Sendable, Hashable {
    public var lambda: Double
    public var sigmaMultiple: Double
    public var centre: Double
    public var sigma: Double

    public init(lambda: Double, sigmaMultiple: Double, centre: Double, sigma: Double) {
        self.lambda = lambda
        self.sigmaMultiple = sigmaMultiple
        self.centre = centre
        self.sigma = sigma
    }

    /// One plotted point; `index` counts from 1.
    public struct Point: Sendable, Hashable {
        public var index: Int
        public var value: Double
        public var ewma: Double
        public var lowerLimit: Double
        public var upperLimit: Double
    }

    /// Half-width of the limits once the chart has settled.
    public var asymptoticHalfWidth: Double { sigmaMultiple * sigma * (lambda / (2 - lambda)).squareRoot() }

    /// Half-width of the exact limits at point `index` (from 1).
    public func halfWidth(at index: Int) -> Double {
        let decay = 1 - Foundation.pow(1 - lambda, Double(2 * index))
        return asymptoticHalfWidth * decay.squareRoot()
    }

    /// The chart over `values`, with the exact limits.
    public func run(_ values: [Double]) -> [Point] {
        var z = centre
        return values.enumerated().map { i, x in
            z = lambda * x + (1 - lambda) * z
            let h = halfWidth(at: i + 1)
            return Point(index: i + 1, value: x, ewma: z, lowerLimit: centre - h, upperLimit: centre + h)
        }
    }
}
