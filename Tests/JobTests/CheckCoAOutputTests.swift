import Foundation
import Job
import Logging
import Testing

/// What `check-coa` prints for the formats shipped, and the same facts as JSON.
@Suite struct CheckCoAOutputTests {
    private func check(_ fixture: String, database: String? = nil, supplier: String = "SUP-A") throws
        -> CoACheck.Outcome
    {
        let path = JobFixture.repositoryRoot.appendingPathComponent("Tests/CoATests/Fixtures/\(fixture)").path
        return try CoACheck(
            configuration: Configuration(), paths: ResourcePaths(home: JobFixture.repositoryRoot),
            logger: Logger(label: "test")
        ).check(files: [path], supplier: supplier, profile: nil, database: database)
    }

    @Test func canonicalShowsEveryDocumentFieldAndWhatEachValueReadAs() throws {
        let text = try check("canonical/example.xml").text
        for line in [
            "  supplier SUP-0007 · material MAT-0042 / part ZN-200 · lot L24-0193 · manufactured 2026-03-02 · issued 2026-03-04\n",
            "  supplier name Acme Chemicals GmbH · material name Zinc oxide USP · expires 2028-03-01 · lot quantity 1200 kg · PO PO-45012 · approved by J. Weber on 2026-03-04\n",
            "  specifications in force on 2026-03-02 (the manufacture date)\n",
            "  assay: 99.62 %  →  no_spec  [supplier's: 99.0 … 100.5]  (no specification in force for assay)\n      read as numeric 99.62 · method USP 591\n",
            "  lead: <1.0 mg/kg  →  no_spec  (no specification in force for lead)\n      read as numeric < 1\n",
            "  appearance: conforms   →  no_spec  (no specification in force for appearance)\n      read as textual_pass\n",
        ] {
            #expect(text.contains(line), "\(line)\n\(text)")
        }
    }

    @Test func en10168ShowsExclusiveLimitsAndTheDateThatChoseTheSpecification() throws {
        let text = try check("en10168/valid_certificate_3.xml").text
        for line in [
            "read as en10168\n",
            "  supplier name Steel Mill SE · material name Seamleass Steel Tubes Hot Roild · lot quantity 5739 kg · PO 0334/2019/ZZS · approved by John D. Keller on 2018-10-23\n",
            "  specifications in force on 2018-10-23 (the certificate's issue date)\n",
            "  boron (\"B\"): 0.300 %  →  no_spec  [supplier's: >0.2 … <0.4]",
        ] {
            #expect(text.contains(line), "\(line)\n\(text)")
        }
    }

    @Test func qifShowsItsHeaderAndResults() throws {
        let text = try check("qif/QIF_Results_Sample.QIF").text
        for line in [
            "read as qif3\n",
            "  supplier name Origin International · PO PO123456 · approved by John Doe on -\n",
            "  specifications in force on 2015-10-23 (the certificate's issue date)\n",
            "  5: -0.020323885079998 mm  →  no_spec  [supplier's: -2.0 … 2.0]",
        ] {
            #expect(text.contains(line), "\(line)\n\(text)")
        }
    }

    @Test func jsonCarriesTheSameFacts() throws {
        let outcome = try check("canonical/example.xml")
        let decoded = try JSONDecoder().decode(CoACheckReport.self, from: Data(outcome.report.json.utf8))
        let file = try #require(decoded.files.first)
        #expect(file.format == "canonical")
        #expect(file.fields?.expires == "2028-03-01")
        #expect(file.fields?.lotQuantity == 1200)
        #expect(file.lotDaySource == "manufacture date")
        #expect(file.results.map(\.characteristic) == ["assay", "lead", "appearance"])
        #expect(file.results[1].qualifier == "<")
        #expect(file.results[0].supplier?.upper == 100.5)
        #expect(file.results[0].method == "USP 591")
    }

    @Test func aDocumentWithoutResultsStillShowsItsHeader() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("empty.xml")
        try Data(
            """
            <acme:Certificate xmlns:acme="http://acme.example/coa/2"><acme:Header><acme:Lot>A9</acme:Lot>
            <acme:Article>ZN-200</acme:Article></acme:Header><acme:Tests/></acme:Certificate>
            """.utf8
        ).write(to: file)
        let outcome = try CoACheck(
            configuration: Configuration(), paths: ResourcePaths(home: JobFixture.repositoryRoot),
            logger: Logger(label: "test")
        ).check(files: [file.path], supplier: "SUP-A", profile: nil, database: nil)
        #expect(outcome.rejectedFiles == 1)
        #expect(
            outcome.text.contains(
                "empty.xml: read as acme-labs\n  supplier (not stated: the folder's) · material - / part ZN-200 · lot A9"
            ), "\(outcome.text)")
        #expect(
            outcome.text.contains("  REJECTED: the document contains no results (format acme-labs)\n"),
            "\(outcome.text)")
    }

    @Test func noSpecificationSaysWhetherTheNameOrTheDatesAreTheCause() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        try fixture.writeInbox("SUP-A/old.xml", CoAIntakeTests.canonical(manufactured: "2024-06-01"))
        try fixture.writeInbox("SUP-A/new.xml", CoAIntakeTests.canonical(manufactured: "2026-05-01"))
        let outcome = try CoACheck(
            configuration: fixture.configuration(), paths: fixture.paths, logger: Logger(label: "test")
        ).check(
            files: ["old.xml", "new.xml"].map { fixture.inbox.appendingPathComponent("SUP-A/\($0)").path },
            supplier: "SUP-A", profile: nil, database: fixture.conninfo)
        let text = outcome.text
        for line in [
            "(no version of MAT-1 assay is in force on 2024-06-01 (the manufacture date); versions: 2025-01-01 to open)",
            "(MAT-1 has no specification for 'appearance' (not mapped by the profile's aliases); its characteristics: assay, lead)",
            "  assay: 99.62 %  →  pass  [ours: 99.0 … 100.5 %]  [supplier's: 99.0 … 100.5]  band 0.41\n      read as numeric 99.62 · in our unit 99.62 % · method USP 591 · our specification valid from 2025-01-01, target 99.75\n",
        ] {
            #expect(text.contains(line), "\(line)\n\(text)")
        }
    }
}
