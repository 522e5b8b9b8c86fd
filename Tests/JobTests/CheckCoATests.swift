import Foundation
import Job
import Logging
import Testing

@Suite struct CheckCoATests {
    @Test func explainsExtractionAndVerdictsAndWritesNothing() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        try fixture.writeInbox(
            "SUP-A/A2.xml",
            CoAIntakeTests.canonical(material: #"partNumber="ZN-200""#, lot: "A2", assay: "100.45"))
        try fixture.writeInbox("SUP-A/bad.xml", "<CertificateOfAnalysis")
        let check = CoACheck(
            configuration: fixture.configuration(), paths: fixture.paths, logger: Logger(label: "test"))
        let outcome = try check.check(
            files: [
                fixture.inbox.appendingPathComponent("SUP-A/A2.xml").path,
                fixture.inbox.appendingPathComponent("SUP-A/bad.xml").path,
            ],
            supplier: "SUP-A", profile: nil, database: fixture.conninfo)
        #expect(outcome.rejectedFiles == 1)
        #expect(outcome.text.contains("read as canonical"))
        #expect(outcome.text.contains("→ supplier SUP-A, our material MAT-1, lot A2"))
        #expect(outcome.text.contains("assay: 100.45 %  →  edge  [ours: 99.0 … 100.5 %]"))
        #expect(outcome.text.contains("bad.xml: REJECTED"))
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.coa_documents", as: Int.self) == 0)
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.runs", as: Int.self) == 0)
    }

    @Test func aMaterialThatCannotBeEstablishedIsExplained() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        try fixture.writeInbox("SUP-A/x.xml", CoAIntakeTests.canonical(material: #"partNumber="NOPE-1""#))
        let outcome = try CoACheck(
            configuration: fixture.configuration(), paths: fixture.paths, logger: Logger(label: "test")
        )
        .check(
            files: [fixture.inbox.appendingPathComponent("SUP-A/x.xml").path], supplier: "SUP-A",
            profile: nil, database: fixture.conninfo)
        #expect(
            outcome.text.contains("WOULD BE REJECTED: part number NOPE-1 is not an approved source of SUP-A"))
        #expect(outcome.rejectedFiles == 1)
    }
}
