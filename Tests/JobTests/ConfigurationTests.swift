import Domain
import Foundation
import Job
import Testing

@Suite struct ConfigurationTests {
    func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sc-\(UUID().uuidString).conf")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func fileThenEnvironmentThenOptionEachRecordingItsSource() throws {
        var configuration = Configuration()
        let path = try file(
            "# comment\nwindows.current_days = 60   # trailing comment\ndelivery.grace_days = 2\n")
        try configuration.load(file: path)
        try configuration.load(environment: ["SCORECARD_DELIVERY_GRACE_DAYS": "3", "HOME": "/root"])
        try configuration.set("responsiveness.sla_hours", "24", from: .option("--set"))
        #expect(configuration.scoring.currentWindowDays == 60)
        #expect(configuration.scoring.deliveryGraceDays == 3)
        #expect(configuration.scoring.responseSLAHours == 24)
        let rows = Dictionary(uniqueKeysWithValues: configuration.describe().map { ($0.key, $0) })
        #expect(rows["windows.current_days"]?.source == "file \(path):2")
        #expect(rows["delivery.grace_days"]?.source == "environment SCORECARD_DELIVERY_GRACE_DAYS")
        #expect(rows["responsiveness.sla_hours"]?.source == "option --set")
        #expect(rows["windows.baseline_days"]?.source == "default")
        #expect(rows["windows.baseline_days"]?.value == "180")
    }

    @Test func anUnknownKeyIsRefusedNamingIt() throws {
        var configuration = Configuration()
        let path = try file("windows.curent_days = 60\n")
        #expect(throws: ConfigurationError.self) { try configuration.load(file: path) }
        do {
            try configuration.load(file: path)
        } catch {
            #expect("\(error)".contains("unknown configuration key 'windows.curent_days'"))
        }
        #expect(throws: ConfigurationError.self) {
            try configuration.load(environment: ["SCORECARD_WINDOWS_CURENT_DAYS": "1"])
        }
    }

    @Test(arguments: [
        ("windows.current_days", "0"), ("windows.current_days", "ninety"), ("coa.edge_fraction", "0.9"),
        ("delivery.in_full_tolerance", "-0.1"), ("time_zone", "Mars/Olympus"), ("drift.ewma_lambda", "nan"),
    ])
    func anOutOfRangeValueIsRefusedNamingTheKey(key: String, value: String) {
        var configuration = Configuration()
        do {
            try configuration.set(key, value, from: .option("--set"))
            Issue.record("\(key) = \(value) was accepted")
        } catch {
            #expect("\(error)".contains("'\(key)'"))
            #expect("\(error)".contains(value))
        }
    }

    @Test func aLineWithoutEqualsNamesFileAndLine() throws {
        var configuration = Configuration()
        let path = try file("windows.current_days = 60\njust words\n")
        do {
            try configuration.load(file: path)
            Issue.record("accepted")
        } catch {
            #expect("\(error)" == "\(path):2: expected 'key = value', found 'just words'")
        }
    }

    @Test func theShippedSampleIsCurrentAndLoads() throws {
        let shipped = try String(
            contentsOf: JobFixture.repositoryRoot.appendingPathComponent("scorecard.conf.sample"),
            encoding: .utf8)
        #expect(
            shipped == Configuration.sample(), "regenerate: scorecard config --sample > scorecard.conf.sample"
        )
        // Uncommenting every key of the sample gives the defaults back (the per-supplier lines are examples).
        let uncommented = shipped.split(separator: "\n").map { line in
            line.hasPrefix("# ") && line.contains(" = ") && !line.contains("profile.")
                && !line.contains("coa.collected_since.")
                ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n")
        var configuration = Configuration()
        try configuration.load(file: try file(uncommented))
        #expect(configuration.scoring == Configuration().scoring)
    }
}

@Suite struct CollectedSinceConfigurationTests {
    @Test func aGlobalDayAndASuppliersOwn() throws {
        var configuration = Configuration()
        try configuration.set("coa.collected_since", "2026-09-01", from: .option("--set"))
        try configuration.set("coa.collected_since.SUP-0007", "2026-10-01", from: .option("--set"))
        #expect(configuration.scoring.coaCollectedSince(for: "SUP-0001") == Day(year: 2026, month: 9, day: 1))
        #expect(
            configuration.scoring.coaCollectedSince(for: "SUP-0007") == Day(year: 2026, month: 10, day: 1))
        #expect(
            configuration.describe().contains {
                $0.key == "coa.collected_since.SUP-0007" && $0.value == "2026-10-01"
            })
        try configuration.set("coa.collected_since", "", from: .option("--set"))
        #expect(configuration.scoring.coaCollectedSince(for: "SUP-0001") == nil)
        #expect(throws: ConfigurationError.self) {
            try configuration.set("coa.collected_since", "1.9.2026", from: .option("--set"))
        }
        #expect(throws: ConfigurationError.self) {
            try configuration.set("coa.collected_since.SUP-0007", "soon", from: .option("--set"))
        }
    }
}
