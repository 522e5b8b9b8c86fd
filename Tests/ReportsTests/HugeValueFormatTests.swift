import ReportModel
import Testing

@testable import Reports

/// Page figures past what an exact integer holds never trap.
@Test(arguments: [1e308, -1e308, 9.3e18, -9.3e18, 1e24])
func pageFormatsOfHugeValuesDoNotTrap(_ value: Double) {
    for text in [
        ReportFormat.ppm(value), ReportFormat.percent(value), ReportFormat.value(value),
        ReportFormat.hours(value),
        ReportFormat.days(value), ReportFormat.score(value), ReportFormat.change(value),
        SVGBuilder.number(value),
    ] {
        #expect(!text.isEmpty)
    }
    #expect(ReportFormat.ppm(9.3e18) == "9.30e+18 ppm")
}
