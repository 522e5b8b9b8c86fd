import Domain
import Foundation
import Job
import Logging
import Testing

/// `check-coa`'s text output for a canonical, an EN 10168, a QIF and an OAGIS file, compared whole against the
/// committed files in `Tests/JobTests/Snapshots/check-coa/`. What depends on the machine (the checkout's
/// path, today's date) is replaced by placeholders first. `SCORECARD_UPDATE_SNAPSHOTS=1` rewrites them.
@Suite struct CheckCoASnapshotTests {
    private static let snapshots = JobFixture.repositoryRoot.appendingPathComponent(
        "Tests/JobTests/Snapshots/check-coa")

    private func snapshot(of fixture: String, as name: String) throws {
        let fixtures = JobFixture.repositoryRoot.appendingPathComponent("Tests/CoATests/Fixtures")
        let outcome = try CoACheck(
            configuration: Configuration(), paths: ResourcePaths(home: JobFixture.repositoryRoot),
            logger: Logger(label: "test")
        ).check(
            files: [fixtures.appendingPathComponent(fixture).path], supplier: "SUP-A", profile: nil,
            database: nil)
        let text = Self.portable(outcome.text, fixtures: fixtures.path)
        let file = Self.snapshots.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["SCORECARD_UPDATE_SNAPSHOTS"] == "1" {
            try Data(text.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "check-coa output differs from \(file.path); got:\n\(text)")
    }

    /// The fixture folder and today's date (the as-of day when a document gives none) as placeholders.
    static func portable(_ text: String, fixtures: String) -> String {
        let today = Configuration().today.iso
        return text.replacingOccurrences(of: fixtures, with: "<fixtures>")
            .replacingOccurrences(of: today, with: "<today>")
    }

    @Test func canonical() throws {
        try snapshot(of: "canonical/example.xml", as: "canonical-example")
    }

    @Test func en10168() throws {
        try snapshot(of: "en10168/valid_certificate_7.xml", as: "en10168-valid_certificate_7")
    }

    @Test func qif() throws {
        try snapshot(of: "qif/QIF_Results_Sample.QIF", as: "qif-results-sample")
    }

    @Test func oagis() throws {
        try snapshot(of: "oagis/sync-batch-coa.xml", as: "oagis-sync-batch-coa")
    }

    @Test func theSnapshotsAreFreeOfMachineSpecifics() throws {
        for name in [
            "canonical-example", "en10168-valid_certificate_7", "qif-results-sample", "oagis-sync-batch-coa",
        ] {
            let text = try String(
                contentsOf: Self.snapshots.appendingPathComponent("\(name).txt"), encoding: .utf8)
            #expect(!text.contains(JobFixture.repositoryRoot.path), "\(name)")
            #expect(text.contains("\n<fixtures>/"), "\(name)")
        }
    }
}
