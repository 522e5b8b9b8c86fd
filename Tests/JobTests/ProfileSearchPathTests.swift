import Foundation
import Job
import Logging
import Testing

/// A broken profile in a configured folder stops neither the run nor the other formats; `check-coa
/// --profile FILE` loads that file alone.
@Suite struct ProfileSearchPathTests {
    static let broken = """
        {"name": "beta", "match": {"root": "Beta"}, "document": {"lotnumber": "@lot"},
         "results": [{"select": "/Beta/R", "characteristic": "@n", "value": "."}]}
        """

    private func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    @Test func aBrokenProfileRejectsOnlyItsDocumentsAndTheRunGoesOn() throws {
        let profiles = try folder(["beta.json": Self.broken])
        defer { try? FileManager.default.removeItem(at: profiles) }
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        try fixture.writeInbox("SUP-A/A1.xml", CoAIntakeTests.canonical())
        try fixture.writeInbox("SUP-A/beta.xml", #"<Beta lot="B1"><R n="assay">99.5</R></Beta>"#)
        _ = try fixture.run(asOf: "2026-06-30") { $0.profilesDirectory = profiles.path }
        let reasons =
            try fixture.scalar(
                """
                SELECT string_agg(path || ' ' || status || ': ' || coalesce(reason, ''), E'\\n' ORDER BY path)
                FROM scorecard.coa_documents
                """, as: String.self) ?? ""
        #expect(reasons.contains("SUP-A/A1.xml accepted"))
        #expect(
            reasons.contains(
                "SUP-A/beta.xml rejected: profile 'beta' cannot be used: profile \(profiles.path)/beta.json: document.lotnumber: unknown key; did you mean 'lotNumber'?"
            ), "\(reasons)")
    }

    @Test func checkCoaLoadsTheGivenFileAloneAndShowsBrokenProfiles() throws {
        let work = try folder([
            "beta.json": Self.broken.replacingOccurrences(of: "lotnumber", with: "lotNumber"),
            "neighbour.json": Self.broken.replacingOccurrences(of: "beta", with: "gamma"),
            "same-name.json": Self.broken.replacingOccurrences(of: "lotnumber", with: "lotNumber"),
        ])
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("b.xml")
        try Data(#"<Beta lot="B1"><R n="assay">99.5</R></Beta>"#.utf8).write(to: file)
        let configuration = Configuration()
        let check = CoACheck(
            configuration: configuration, paths: ResourcePaths(home: JobFixture.repositoryRoot),
            logger: Logger(label: "test"))
        let outcome = try check.check(
            files: [file.path], supplier: "SUP-A", profile: work.appendingPathComponent("beta.json").path,
            database: nil)
        #expect(outcome.rejectedFiles == 0, "\(outcome.text)")
        #expect(outcome.text.contains("read as beta"), "\(outcome.text)")
        #expect(!outcome.text.contains("cannot be used"), "\(outcome.text)")

        let brokenFile = work.appendingPathComponent("broken.json")
        try Data(Self.broken.utf8).write(to: brokenFile)
        let refused = try check.check(
            files: [file.path], supplier: "SUP-A", profile: brokenFile.path, database: nil)
        #expect(refused.rejectedFiles == 1)
        #expect(
            refused.text.contains(
                "profile \(brokenFile.path) cannot be used (its documents are rejected):\n  document.lotnumber: unknown key; did you mean 'lotNumber'?"
            ), "\(refused.text)")
        #expect(refused.text.contains("b.xml: REJECTED: profile 'beta' cannot be used"), "\(refused.text)")
    }
}
