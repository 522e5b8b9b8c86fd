/// Small descriptive statistics; each returns nil where the figure is undefined.
enum Stats {
    /// The upper end of the Wilson score interval for a share of `successes` in `trials`, one-sided at
    /// confidence `z` (1.645: 95 %). Honest for small counts, where the plain share is not.
    static func wilsonUpperBound(successes: Int, trials: Int, z: Double = 1.645) -> Double {
        Bounds.wilson(successes: successes, trials: trials, z: z).upper
    }

    static func mean(_ xs: [Double]) -> Double? {
        xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count)
    }

    /// Sample standard deviation (n − 1); nil below two values.
    static func sampleSD(_ xs: [Double]) -> Double? {
        guard xs.count >= 2, let m = mean(xs) else { return nil }
        let ss = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return (ss / Double(xs.count - 1)).squareRoot()
    }

    /// The middle value, or the mean of the two middle values.
    static func median(_ xs: [Double]) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        let mid = s.count / 2
        return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }

    /// Least-squares slope of values against their position 0, 1, 2, …; nil below two values.
    static func slope(_ ys: [Double]) -> Double? {
        guard ys.count >= 2 else { return nil }
        let n = Double(ys.count)
        let xm = (n - 1) / 2
        guard let ym = mean(ys) else { return nil }
        var sxy = 0.0
        var sxx = 0.0
        for (i, y) in ys.enumerated() {
            let dx = Double(i) - xm
            sxy += dx * (y - ym)
            sxx += dx * dx
        }
        return sxx > 0 ? sxy / sxx : nil
    }

    static func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator > 0 ? Double(numerator) / Double(denominator) : nil
    }
}
