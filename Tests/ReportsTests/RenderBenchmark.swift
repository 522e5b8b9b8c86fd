import Foundation
import ReportModel
import Reports
import Testing

/// Not a timed test: it only runs when asked (scripts/bench-render sets REPORTS_BENCH=<suppliers>), prints
/// the seconds and asserts nothing about them. REPORTS_BENCH_OUT keeps the pages in that folder.
@Test(.enabled(if: ProcessInfo.processInfo.environment["REPORTS_BENCH"] != nil))
func renderBenchmark() throws {
    let environment = ProcessInfo.processInfo.environment
    let count = Int(environment["REPORTS_BENCH"] ?? "") ?? 1000
    let report = Fixtures.largeReport(suppliers: count)
    let out =
        try environment["REPORTS_BENCH_OUT"].map { URL(fileURLWithPath: $0) } ?? Fixtures.temporaryDirectory()
    let renderer = try ReportRenderer(templatesDirectory: Fixtures.templatesDirectory)
    let clock = ContinuousClock()
    var summary = RenderSummary()
    let cpuBefore = cpuSeconds()
    let elapsed = try clock.measure { summary = try renderer.render(report, to: out) }
    let cpu = cpuSeconds() - cpuBefore
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(
        "render-bench: \(count) suppliers, \(summary.pagesWritten) pages, \(summary.bytesWritten) bytes in "
            + String(format: "%.2f s wall, %.2f s CPU", seconds, cpu) + " into \(out.path)")
    if environment["REPORTS_BENCH_OUT"] == nil { try? FileManager.default.removeItem(at: out) }
    #expect(summary.pagesWritten == count + 150 + 1)
}

/// User and system CPU time of this process, so a busy machine does not hide the renderer's own cost.
private func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Writes the small hand-built report to REPORTS_SAMPLE_OUT, for looking at (scripts/screenshot).
@Test(.enabled(if: ProcessInfo.processInfo.environment["REPORTS_SAMPLE_OUT"] != nil))
func renderSample() throws {
    let out = URL(fileURLWithPath: ProcessInfo.processInfo.environment["REPORTS_SAMPLE_OUT"] ?? "")
    let renderer = try ReportRenderer(templatesDirectory: Fixtures.templatesDirectory)
    let summary = try renderer.render(Fixtures.smallReport(), to: out)
    #expect(summary.pagesWritten == 7)
}
