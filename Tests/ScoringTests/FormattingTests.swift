import Testing

@testable import Scoring

/// Message figures never trap: values past what an exact integer holds print in scientific notation,
/// non-finite ones in words.
@Suite struct FormattingTests {
    static let extremes: [Double] = [1e308, -1e308, .nan, .infinity, -.infinity, 9.3e18, -9.3e18, 1e15]

    @Test(arguments: extremes) func everyFormatterPrintsSomethingSane(_ value: Double) {
        for text in [
            Fmt.number(value), Fmt.percent(value), Fmt.oneDecimal(value), Fmt.hours(value), Fmt.days(value),
            Fmt.times(value), Fmt.whole(value), Fmt.exact(value), Fmt.measured(value, resolution: 0.01),
        ] {
            #expect(!text.isEmpty && text.count < 40, "\(text)")
        }
    }

    @Test func hugeAndNonFiniteValuesRead() {
        #expect(Fmt.number(9.3e18) == "9.30e+18")
        #expect(Fmt.number(-1e308) == "-1.00e+308")
        #expect(Fmt.percent(1e308) == "1.00e+310 %" || Fmt.percent(1e308) == "infinity %")
        #expect(Fmt.number(.nan) == "not a number")
        #expect(Fmt.hours(.infinity) == "infinity h")
        #expect(Fmt.oneDecimal(-.infinity) == "minus infinity")
        #expect(Fmt.days(9.3e18) == "9.30e+18 days")
    }

    @Test func ordinaryValuesReadAsBefore() {
        #expect(Fmt.number(2000) == "2,000")
        #expect(Fmt.number(1234.56) == "1,235")
        #expect(Fmt.number(0.0123) == "0.0123")
        #expect(Fmt.percent(0.964) == "96 %")
        #expect(Fmt.oneDecimal(4.75) == "4.8")
        #expect(Fmt.hours(52.4) == "52 h")
        #expect(Fmt.days(1) == "1 day")
    }

    /// Limits keep every digit they were specified with; means keep the decimals the tolerance needs.
    @Test func limitsAsSpecifiedAndMeansToTheToleranceResolution() {
        #expect(Fmt.exact(100.5) == "100.5")
        #expect(Fmt.exact(99.0) == "99")
        #expect(Fmt.exact(0.00005) == "0.00005")
        #expect(Fmt.exact(1e300) == Fmt.outOfScale(1e300))
        #expect(Fmt.measured(100.2834, resolution: 1.5 / 100) == "100.28")
        #expect(Fmt.measured(4.98, resolution: 5.0 / 100) == "4.98")
        #expect(Fmt.measured(1234.6, resolution: 10) == "1235")
        #expect(Fmt.measured(.nan, resolution: 0.01) == "not a number")
    }
}
