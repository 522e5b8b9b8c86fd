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

    /// A lot without a manufacture date takes its day from its first receipt, cut in the configured zone:
    /// `check-coa` and the nightly intake pick the same day and so the same specification version.
    @Test func checkAndIntakeTakeTheSameLotDayInTheConfiguredZone() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        // A tighter assay specification from 2026-05-06: lot A1 was received 2026-05-05 23:30 UTC, which
        // is 2026-05-06 in Tokyo.
        try fixture.execute(
            """
            UPDATE procurement.specifications SET valid_to = '2026-05-06' WHERE material_id = 'MAT-1' AND characteristic = 'assay';
            INSERT INTO procurement.specifications VALUES ('MAT-1', 'assay', '%', 99.5, 100.5, 100.0, '2026-05-06', NULL);
            """)
        // A format whose manufacture date is optional (the shipped acme-labs profile), without one.
        let undated = """
            <?xml version="1.0" encoding="UTF-8"?>
            <acme:Certificate xmlns:acme="http://acme.example/coa/2">
              <acme:Header><acme:Lot>A1</acme:Lot><acme:Article>ZN-200</acme:Article>
                <acme:Signed by="K. Mayer">10.05.2026</acme:Signed></acme:Header>
              <acme:Tests><acme:Test name="Gehalt" unit="%"><acme:Result>99,7</acme:Result></acme:Test></acme:Tests>
            </acme:Certificate>
            """
        try fixture.writeInbox("SUP-A/A1.xml", undated)
        for (zone, day, lower) in [("Asia/Tokyo", "2026-05-06", "99.5"), ("UTC", "2026-05-05", "99.0")] {
            let configuration = fixture.configuration { $0.timeZone = zone }
            let outcome = try CoACheck(
                configuration: configuration, paths: fixture.paths, logger: Logger(label: "test")
            )
            .check(
                files: [fixture.inbox.appendingPathComponent("SUP-A/A1.xml").path], supplier: "SUP-A",
                profile: nil, database: fixture.conninfo)
            #expect(
                outcome.text.contains("specifications in force on \(day) (the first receipt of the lot)"),
                "\(zone): \(outcome.text)")
            #expect(outcome.text.contains("assay (\"Gehalt\"): 99,7 %  →  pass"), "\(outcome.text)")
            #expect(outcome.text.contains("[ours: \(lower) … 100.5 %]"), "\(zone): \(outcome.text)")
        }
        _ = try fixture.run(asOf: "2026-06-30") { $0.timeZone = "Asia/Tokyo" }
        #expect(
            try fixture.scalar(
                "SELECT lot_day::text || ' ' || lower_limit FROM scorecard.coa_measurements WHERE characteristic = 'assay'",
                as: String.self) == "2026-05-06 99.5")
        #expect(
            try fixture.scalar("SELECT time_zone FROM scorecard_store.runs", as: String.self) == "Asia/Tokyo")
    }
}
