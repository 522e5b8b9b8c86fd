import Domain
import Foundation
import ReportModel
import Testing

@testable import Reports

@Test func formatsShowNoDataForNilAndNonFinite() {
    #expect(ReportFormat.percent(nil) == "no data")
    #expect(ReportFormat.percent(.nan) == "no data")
    #expect(ReportFormat.ppm(nil) == "no data")
    #expect(ReportFormat.hours(.infinity) == "no data")
    #expect(ReportFormat.days(nil) == "no data")
    #expect(ReportFormat.score(nil) == "no data")
    #expect(ReportFormat.change(nil) == "no data")
    #expect(ReportFormat.date(nil) == "no data")
}

@Test func formatsRoundHalfAwayFromZero() {
    #expect(ReportFormat.percent(0.9644) == "96.4 %")
    #expect(ReportFormat.percent(0.96451) == "96.5 %")
    #expect(ReportFormat.percent(0) == "0.0 %")
    #expect(ReportFormat.percent(1) == "100.0 %")
    #expect(ReportFormat.percent(-0.00001) == "0.0 %")
    #expect(ReportFormat.ppm(1234.5) == "1,235 ppm")
    #expect(ReportFormat.ppm(999_999.4) == "999,999 ppm")
    #expect(ReportFormat.ppm(0) == "0 ppm")
    #expect(ReportFormat.hours(36.25) == "36.3 h")
    #expect(ReportFormat.hours(48) == "48.0 h")
    // Past two days a wait reads in days.
    #expect(ReportFormat.hours(394.4) == "16.4 days")
    #expect(ReportFormat.days(2.25) == "2.3 days")
    #expect(ReportFormat.days(1) == "1.0 day")
    #expect(ReportFormat.days(-0.5) == "-0.5 days")
    #expect(ReportFormat.score(87.25) == "87.3")
    #expect(ReportFormat.change(-8.75) == "\u{2212}8.8")
    #expect(ReportFormat.change(2) == "+2.0")
    #expect(ReportFormat.change(-0.04) == "±0.0")
    #expect(ReportFormat.count(1_234_567) == "1,234,567")
    #expect(ReportFormat.count(-1000) == "-1,000")
}

@Test func formatsValuesDatesAndTimes() {
    #expect(ReportFormat.value(0.48) == "0.48")
    #expect(ReportFormat.value(12.34567) == "12.346")
    #expect(ReportFormat.value(150) == "150")
    #expect(ReportFormat.value(0.000_12) == "0.0001")
    #expect(ReportFormat.month(Day(year: 2026, month: 3, day: 17)) == "2026-03")
    #expect(ReportFormat.timestamp(Date(timeIntervalSince1970: 1_772_330_400)) == "2026-03-01 02:00 UTC")
    #expect(ReportFormat.timestamp(Date(timeIntervalSince1970: -60)) == "1969-12-31 23:59 UTC")
}

@Test func pageFileNamesAreSafeAndOneToOne() {
    #expect(PageFileName.html(for: "SUP-0001") == "SUP-0001.html")
    #expect(PageFileName.html(for: "../x") == "_2E_2E_2Fx.html")
    #expect(PageFileName.stem(for: "") == "_")
    #expect(PageFileName.stem(for: ".") == "_2E")
    #expect(PageFileName.stem(for: "a_b") == "a_5Fb")
    #expect(PageFileName.stem(for: "a/b") == "a_2Fb")
    #expect(PageFileName.stem(for: "é") == "_C3_A9")
    let long = String(repeating: "x/", count: 200)
    let stem = PageFileName.stem(for: long)
    #expect(stem.utf8.count <= 120)
    #expect(stem != PageFileName.stem(for: long + "y"))
    for id in ["../x", "/etc/passwd", "..", "a\\b", "a\u{0}b", long] {
        let name = PageFileName.html(for: id)
        #expect(!name.contains("/") && !name.hasPrefix(".") && !name.contains("\u{0}"))
    }
}

@Test func svgBuilderEscapesAttributesAndText() {
    var svg = SVGBuilder(width: 10, height: 5.5, label: "a\"<b>&'")
    svg.element("text", ["class": "x\"><script>"], text: "</text><script>alert(1)</script>")
    let markup = svg.finish().renderText
    #expect(markup.contains("aria-label=\"a&quot;&lt;b&gt;&amp;&#39;\""))
    #expect(markup.contains("viewBox=\"0 0 10 5.5\""))
    #expect(
        markup.contains(
            "<text class=\"x&quot;&gt;&lt;script&gt;\">&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text>"
        ))
    #expect(!markup.contains("<script"))
}

@Test func chartScaleTicksAreRound() {
    let scale = ChartScale(domainLow: 0.27, domainHigh: 0.53, rangeLow: 100, rangeHigh: 0)
    let ticks = scale.ticks(count: 5)
    #expect(ticks.count == 3)
    #expect(zip(ticks, [0.3, 0.4, 0.5]).allSatisfy { abs($0 - $1) < 1e-12 })
    #expect(scale(0.27) == 100)
    #expect(scale(0.53) == 0)
    #expect(ChartScale.niceStep(0.052) == 0.1)
    #expect(ChartScale.niceStep(0.0449) == 0.05)
    #expect(ChartScale.niceStep(18) == 20)
}

@Test func fixedDecimalsMatchPrintfForOrdinaryValues() {
    for value in [0.0, 0.05, 0.96449, 1.5, 2.25, 99.95, 12_345.678, -3.14159, -0.04] {
        for decimals in 0...3 {
            let scale = pow(10, Double(decimals))
            let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
            let expected = String(format: "%.\(decimals)f", rounded == 0 ? 0 : rounded)
            #expect(ReportFormat.fixed(value, decimals: decimals) == expected, "\(value) \(decimals)")
        }
    }
    #expect(ReportFormat.date(Day(year: 987, month: 1, day: 2)) == "0987-01-02")
}
