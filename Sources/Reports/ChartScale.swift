import ReportModel

/// A linear map from data values to SVG coordinates, with "nice" tick values (1, 2, 2.5, 5 × 10ⁿ).
struct ChartScale {
    let domainLow: Double
    let domainHigh: Double
    let rangeLow: Double
    let rangeHigh: Double

    func callAsFunction(_ value: Double) -> Double {
        guard domainHigh > domainLow else { return (rangeLow + rangeHigh) / 2 }
        return rangeLow + (value - domainLow) / (domainHigh - domainLow) * (rangeHigh - rangeLow)
    }

    /// About `count` ticks covering the domain.
    func ticks(count: Int) -> [Double] {
        let span = domainHigh - domainLow
        guard span > 0, span.isFinite, count > 0 else { return [domainLow] }
        let step = ChartScale.niceStep(span / Double(count))
        var tick = (domainLow / step).rounded(.up) * step
        var ticks: [Double] = []
        while tick <= domainHigh + step * 1e-9, ticks.count < 50 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return ticks
    }

    static func niceStep(_ raw: Double) -> Double {
        let exponent = (raw > 0 ? raw : 1).log10Floor
        let base = pow10(exponent)
        let fraction = raw / base
        let nice: Double =
            fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return nice * base
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 {
            for _ in 0..<exponent { result *= 10 }
        } else {
            for _ in 0..<(-exponent) { result /= 10 }
        }
        return result
    }
}

extension Double {
    /// ⌊log₁₀ self⌋ for positive finite values.
    fileprivate var log10Floor: Int {
        var exponent = 0
        var value = self
        while value >= 10 {
            value /= 10
            exponent += 1
        }
        while value < 1, exponent > -300 {
            value *= 10
            exponent -= 1
        }
        return exponent
    }
}
