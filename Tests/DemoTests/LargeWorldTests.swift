import Demo
import Domain
import Foundation
import Testing

/// The benchmark's large world (docs/scaling.md), generated into a counting sink with its CoA files in a temporary folder. Too big
/// for the everyday test command: run with `DEMO_LARGE=1 swift test -c release --filter LargeWorld`.
@Suite struct LargeWorldTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DEMO_LARGE"] != nil))
    func largeWorldStreamsNearItsTargets() throws {
        let inbox = FileManager.default.temporaryDirectory.appendingPathComponent(
            "demo-large-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: inbox) }
        var sink = CountingSink()
        let clock = ContinuousClock()
        let start = clock.now
        let summary = try DemoWorld(size: .large, asOf: demoAsOf).generate(into: &sink, inbox: inbox)
        let elapsed = clock.now - start
        print("large world: \(elapsed), rows \(summary.counts.sorted { $0.key < $1.key })")
        print(
            "large world: CoA files \(summary.coaFiles), broken \(summary.brokenCoAFiles), hash \(sink.hash.value)"
        )
        #expect(sink.rows == summary.counts)
        #expect(summary.counts["suppliers"] == 1_000)
        #expect(summary.counts["materials"] == 3_000)
        #expect((900_000...1_100_000).contains(summary.counts["order_lines"] ?? 0))
        #expect((40_000...60_000).contains(summary.counts["defects"] ?? 0))
        #expect((180_000...220_000).contains(summary.counts["communications"] ?? 0))
        #expect((85_000...115_000).contains(summary.coaFiles))
        #expect(
            summary.brokenCoAFiles * 100 > summary.coaFiles
                && summary.brokenCoAFiles * 100 < summary.coaFiles * 6)
    }
}
