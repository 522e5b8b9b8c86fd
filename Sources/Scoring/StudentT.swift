import Foundation

/// Tail probabilities of Student's t distribution, for the p-values of the drift test.
enum StudentT {
    /// P(T > t) for T with `df` degrees of freedom (df > 0); 0.5 at t = 0.
    static func upperTail(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard t.isFinite else { return t > 0 ? 0 : 1 }
        guard df > 0 else { return 1 }
        let tail = 0.5 * regularizedIncompleteBeta(a: df / 2, b: 0.5, x: df / (df + t * t))
        return t > 0 ? tail : 1 - tail
    }

    /// I_x(a, b) by its continued fraction (Numerical Recipes §6.4), accurate to about 1e-14.
    static func regularizedIncompleteBeta(a: Double, b: Double, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logGammas + logPowers)
        // The fraction converges fast on the side of the mean; use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a).
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(a: a, b: b, x: x) / a }
        return 1 - front * continuedFraction(a: b, b: a, x: 1 - x) / b
    }

    private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        func guarded(_ v: Double) -> Double { abs(v) < tiny ? tiny : v }
        var c = 1.0
        var d = 1 / guarded(1 - (a + b) * x / (a + 1))
        var h = d
        for step in 1...300 {
            let m = Double(step)
            let even = m * (b - m) * x / ((a - 1 + 2 * m) * (a + 2 * m))
            d = 1 / guarded(1 + even * d)
            c = guarded(1 + even / c)
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 1 + 2 * m))
            d = 1 / guarded(1 + odd * d)
            c = guarded(1 + odd / c)
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 3e-16 { break }
        }
        return h
    }
}
