import Domain
import Foundation
import Job
import Logging
import Testing

@Suite struct ReprocessTests {
    @Test func aRejectedDocumentIsAcceptedOnceItsCauseIsFixedAndHistoryIsKept() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        try CoAIntakeTests.fillInbox(fixture)
        _ = try fixture.run(asOf: "2026-06-30")
        let reprocess = CoAReprocess(
            configuration: fixture.configuration(), paths: fixture.paths, logger: Logger(label: "test"))
        let today = Day(year: 2026, month: 7, day: 1)

        // Nothing fixed yet: everything rejected stays rejected, for the same reasons.
        let unchanged = try reprocess.run(
            database: fixture.conninfo, rejected: true, withoutSpecification: false, supplierId: "SUP-A",
            ids: [], asOf: today)
        // unknown-material.xml; broken.xml is not XML, only an excerpt of it was kept: nothing to read again.
        #expect(unchanged.reprocessed == 1)
        #expect(unchanged.accepted == 0)

        // The material is loaded: the document is accepted, its results have no specification yet.
        try fixture.execute("INSERT INTO procurement.materials VALUES ('MAT-9', 'New pigment', 'major')")
        let fixed = try reprocess.run(
            database: fixture.conninfo, rejected: true, withoutSpecification: false, supplierId: "SUP-A",
            ids: [], asOf: today)
        #expect(fixed.accepted == 1)
        #expect(fixed.rejected == 0)
        let path = "SUP-A/unknown-material.xml"
        #expect(
            try fixture.scalar(
                "SELECT status FROM scorecard.coa_documents WHERE path = $1", [path], as: String.self)
                == "accepted")
        #expect(
            try fixture.scalar(
                """
                SELECT string_agg(characteristic || ' ' || verdict, ', ' ORDER BY position) FROM scorecard.coa_measurements
                JOIN scorecard.coa_documents USING (document_id) WHERE path = $1
                """, [path], as: String.self) == "assay no_spec, lead no_spec, appearance no_spec")

        // Its specification is loaded: --no-spec judges it.
        try fixture.execute(
            "INSERT INTO procurement.specifications VALUES ('MAT-9', 'assay', '%', 99.0, 100.5, NULL, '2025-01-01', NULL)"
        )
        let judged = try reprocess.run(
            database: fixture.conninfo, rejected: false, withoutSpecification: true, supplierId: nil, ids: [],
            asOf: today)
        #expect(judged.accepted >= 1)
        #expect(
            try fixture.scalar(
                """
                SELECT verdict FROM scorecard.coa_measurements JOIN scorecard.coa_documents USING (document_id)
                WHERE path = $1 AND characteristic = 'assay'
                """, [path], as: String.self) == "pass")

        // Nothing was lost: each step is in the history, the first with the original reason.
        let history = try fixture.scalar(
            """
            SELECT string_agg(old_status || '→' || new_status, ', ' ORDER BY changed_at)
            FROM scorecard_store.coa_document_history JOIN scorecard.coa_documents USING (document_id) WHERE path = $1
            """, [path], as: String.self)
        #expect(history == "rejected→rejected, rejected→accepted, accepted→accepted")
        #expect(
            try fixture.scalar(
                """
                SELECT old_reason FROM scorecard_store.coa_document_history JOIN scorecard.coa_documents USING (document_id)
                WHERE path = $1 ORDER BY changed_at LIMIT 1
                """, [path], as: String.self) == "material MAT-9 is not in procurement.materials")
        // Its three results are stored once, for the next run to count.
        _ = try fixture.run(asOf: "2026-06-30")
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.coa_measurements m JOIN scorecard.coa_documents d USING (document_id) WHERE d.status = 'accepted' AND m.material_id = 'MAT-9'",
                as: Int.self) == 3)
    }
}
