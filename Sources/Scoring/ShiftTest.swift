/// The comparison that gave a drift its evidence.
public enum ShiftContrast: String, Sendable, Hashable {
    /// The mean of the recent lots against the mean of every lot before them.
    case recentAgainstEarlier = "recent_vs_earlier"
    /// The level at the latest lot of a straight line through every lot after the baseline, against the
    /// baseline mean (a slow ramp that has been under way for many lots).
    case trendAgainstBaseline = "trend_vs_baseline"
}

/// How strongly the lots up to one look say the process moved toward the nearer specification limit.
///
/// Each contrast is an exact t-test under an in-control normal process: its σ is pooled from the spread
/// of the lots around their own segment's level (baseline, middle, recent; or around the fitted line),
/// so the whole history counts and a shift does not inflate it. `pValue` is the smallest one-sided
/// p-value, multiplied by the number of contrasts and directions asked (Bonferroni): the false-alarm
/// rate at which this series would still be flagged.
public struct ShiftEvidence: Sendable, Hashable {
    public var side: LimitSide
    public var contrast: ShiftContrast
    public var statistic: Double
    public var degreesOfFreedom: Double
    public var pValue: Double
    /// The σ of the decisive contrast (at least the floor).
    public var sigma: Double
    /// Lots the recent window of the test holds (the last `recentLots` after the baseline).
    public var recentLots: Int
    public var recentMean: Double
    /// How far the recent lots moved from the small-batch baseline, in units of `sigma`.
    public var shiftSigmas: Double
}

extension DriftSeries {
    /// Lots in the test's recent window when `end` is the latest: the last `recentLots`, never baseline lots.
    func testRecentCount(end: Int) -> Int { min(config.recentLots, end + 1 - baselineCount) }

    /// Sum of squared deviations of lots `from...to` around their own mean.
    func squares(from: Int, to: Int) -> Double {
        guard to >= from else { return 0 }
        let n = Double(to - from + 1)
        let s = sum[to + 1] - sum[from]
        return max(0, sumSquares[to + 1] - sumSquares[from] - s * s / n)
    }

    /// σ pooled from the spread of baseline, middle and recent lots, each around its own mean (at least
    /// the floor); the baseline sd alone before any lot follows it.
    func pooledSigma(end: Int) -> Double {
        let recent = testRecentCount(end: end)
        guard recent >= 1 else { return sigma }
        let recentStart = end + 1 - recent
        let segments = recentStart > baselineCount ? 3 : 2
        let ss =
            squares(from: 0, to: baselineCount - 1) + squares(from: baselineCount, to: recentStart - 1)
            + squares(from: recentStart, to: end)
        let df = Double(end + 1 - segments)
        guard df > 0 else { return sigma }
        return max((ss / df).squareRoot(), sigmaFloor)
    }

    /// The evidence of the look at `end`; nil before `driftMinRecentLots` lots follow the baseline.
    public func shiftEvidence(end: Int) -> ShiftEvidence? {
        let recent = testRecentCount(end: end)
        guard end < lots.count, recent >= min(config.driftMinRecentLots, config.recentLots) else {
            return nil
        }
        let directions = (lowerLimit != nil ? 1 : 0) + (upperLimit != nil ? 1 : 0)
        var candidates = [recentAgainstEarlier(end: end, recent: recent)]
        // The line needs lots of its own beyond the recent window; a short series has only the first test.
        if end + 1 - baselineCount > config.recentLots { candidates.append(trendAgainstBaseline(end: end)) }
        guard var best = candidates.compactMap({ $0 }).min(by: { $0.pValue < $1.pValue }) else { return nil }
        best.pValue = min(1, best.pValue * Double(candidates.count * max(directions, 1)))
        return best
    }

    /// Recent mean against the mean of all earlier lots, σ pooled within baseline, middle and recent.
    func recentAgainstEarlier(end: Int, recent: Int) -> ShiftEvidence? {
        let start = end + 1 - recent
        let earlier = Double(start)
        let recentMean = mean(from: start, to: end)
        let difference = recentMean - mean(from: 0, to: start - 1)
        let s = pooledSigma(end: end)
        let df = Double(end + 1 - (start > baselineCount ? 3 : 2))
        let side: LimitSide = difference >= 0 ? .upper : .lower
        guard df > 0, isTowardNearerLimit(side, at: recentMean) else { return nil }
        let t = abs(difference) / (s * (1 / Double(recent) + 1 / earlier).squareRoot())
        return ShiftEvidence(
            side: side, contrast: .recentAgainstEarlier, statistic: t, degreesOfFreedom: df,
            pValue: StudentT.upperTail(t, degreesOfFreedom: df), sigma: s, recentLots: recent,
            recentMean: recentMean, shiftSigmas: (recentMean - baselineMean) / s)
    }

    /// The level at lot `end` of the least-squares line through the lots after the baseline, against the
    /// baseline mean; σ pooled from the baseline's spread and the line's residuals.
    func trendAgainstBaseline(end: Int) -> ShiftEvidence? {
        let m = baselineCount
        let k = Double(end + 1 - m)
        guard k >= 3 else { return nil }
        // Positions 0…k−1 after the baseline; sums over deviations from the baseline mean.
        let sy = sum[end + 1] - sum[m]
        let siy = (indexedSum[end + 1] - indexedSum[m]) - Double(m) * sy
        let centre = (k - 1) / 2
        let sxx = k * (k * k - 1) / 12
        let sxy = siy - centre * sy
        let slope = sxy / sxx
        let level = sy / k + slope * centre
        let residual = max(0, squares(from: m, to: end) - sxy * sxy / sxx)
        let df = Double(end + 1 - 3)
        let s = max(((squares(from: 0, to: m - 1) + residual) / df).squareRoot(), sigmaFloor)
        let side: LimitSide = level >= 0 ? .upper : .lower
        guard isTowardNearerLimit(side, at: baselineMean + level) else { return nil }
        let t = abs(level) / (s * (1 / Double(m) + 1 / k + centre * centre / sxx).squareRoot())
        let recent = testRecentCount(end: end)
        let recentMean = mean(from: end + 1 - recent, to: end)
        return ShiftEvidence(
            side: side, contrast: .trendAgainstBaseline, statistic: t, degreesOfFreedom: df,
            pValue: StudentT.upperTail(t, degreesOfFreedom: df), sigma: s, recentLots: recent,
            recentMean: recentMean, shiftSigmas: (recentMean - baselineMean) / s)
    }
}
