import Foundation

/// One-sided confidence bounds of the estimates the decisions judge: shares (Wilson), counts per
/// exposure (exact Poisson) and Cpk (Bissell). Each bound is one-sided at the confidence given, so "the
/// upper bound is below the limit" says "below the limit" at that confidence.
public enum Bounds {
    /// The standard normal quantile of `confidence` (one-sided: 0.95 → 1.645), by Acklam's rational
    /// approximation (relative error below 1.2e-9); confidence is clamped to 0.5 … 0.999999.
    public static func z(_ confidence: Double) -> Double {
        let p = min(0.999_999, max(0.5, confidence.isFinite ? confidence : 0.5))
        if p == 0.5 { return 0 }
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00,
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01,
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00,
        ]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        if p > 0.975_25 {
            let q = (-2 * log(1 - p)).squareRoot()
            let num = ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]
            return -num / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let q = p - 0.5
        let r = q * q
        let num = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        return num / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }

    /// Wilson score bounds of a share of `successes` in `trials`; (0, 1) without trials.
    public static func wilson(successes: Int, trials: Int, z: Double) -> (lower: Double, upper: Double) {
        guard trials > 0 else { return (0, 1) }
        let n = Double(trials)
        let p = min(1, max(0, Double(successes) / n))
        let z2 = z * z
        let centre = p + z2 / (2 * n)
        let spread = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        let denominator = 1 + z2 / n
        return (max(0, (centre - spread) / denominator), min(1, (centre + spread) / denominator))
    }

    /// Exact (Garwood) bounds of a Poisson mean given `count` events: the lower bound is the mean under
    /// which `count` or more events are as rare as 1 − confidence, the upper the one under which
    /// `count` or fewer are. A non-integer count (defective kilograms) is read through the gamma
    /// function, which the integer case is a special case of.
    public static func poisson(count: Double, confidence: Double) -> (lower: Double, upper: Double) {
        let alpha = 1 - min(0.999_999, max(0.5, confidence))
        guard count.isFinite, count > 0 else {
            // No events: the upper bound is −ln α.
            return (0, -log(alpha))
        }
        // P(X ≥ k | λ) = P(k, λ) (regularized lower gamma); P(X ≤ k | λ) = Q(k + 1, λ).
        let lower = solve(increasing: { regularizedGammaP(count, $0) }, target: alpha, near: count)
        let upper = solve(
            increasing: { 1 - regularizedGammaQ(count + 1, $0) }, target: 1 - alpha, near: count + 1)
        return (lower, upper)
    }

    /// Bissell's (1990) approximate bounds of Cpk estimated from `n` values:
    /// Ĉpk ∓ z · √(1 / (9n) + Ĉpk² / (2(n − 1))).
    public static func bissell(cpk: Double, n: Int, z: Double) -> (lower: Double, upper: Double) {
        guard n >= 2, cpk.isFinite else { return (-.infinity, .infinity) }
        let m = Double(n)
        let se = (1 / (9 * m) + cpk * cpk / (2 * (m - 1))).squareRoot()
        return (cpk - z * se, cpk + z * se)
    }

    /// The λ where an increasing function of λ reaches `target`, by bisection (the functions here are
    /// smooth and monotone; 200 halvings reach double precision from any bracket).
    static func solve(increasing f: (Double) -> Double, target: Double, near guess: Double) -> Double {
        var low = 0.0
        var high = max(1, guess * 2 + 10)
        var grow = 0
        while f(high) < target && grow < 60 {
            high *= 2
            grow += 1
        }
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if f(mid) < target { low = mid } else { high = mid }
            if high - low <= 1e-12 * max(1, high) { break }
        }
        return (low + high) / 2
    }

    /// P(a, x) = γ(a, x) / Γ(a), by its series below a + 1 and the continued fraction of Q above.
    static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 0 }
        return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x)
    }

    static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 1 }
        return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x)
    }

    private static func gammaSeries(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a
        var sum = term
        var ap = a
        for _ in 0..<100_000 {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * 1e-15 { break }
        }
        return min(1, max(0, sum * exp(-x + a * log(x) - lgamma(a))))
    }

    /// Lentz's method for the continued fraction of Q(a, x).
    private static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return min(1, max(0, exp(-x + a * log(x) - lgamma(a)) * h))
    }
}
