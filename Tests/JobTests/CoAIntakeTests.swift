import Domain
import Foundation
import Job
import Testing

@Suite struct CoAIntakeTests {
    static func canonical(
        supplier: String = "SUP-A", material: String = #"materialId="MAT-1""#, lot: String = "A1",
        manufactured: String = "2026-05-01", assay: String = "99.62"
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <CertificateOfAnalysis xmlns="urn:supplier-scorecard:coa:1">
          <Supplier id="\(supplier)">Alpha Chemicals</Supplier>
          <Material \(material)>Zinc oxide USP</Material>
          <Lot number="\(lot)" manufactured="\(manufactured)" quantity="100" unit="kg"/>
          <Issued>2026-05-04</Issued>
          <Results>
            <Result characteristic="assay" unit="%" method="USP 591">
              <Value>\(assay)</Value>
              <Specification min="99.0" max="100.5"/>
            </Result>
            <Result characteristic="lead" unit="mg/kg"><Value>&lt;1.0</Value></Result>
            <Result characteristic="appearance"><Value>conforms</Value></Result>
          </Results>
        </CertificateOfAnalysis>
        """
    }

    /// Writes the test inbox; every file dated 2026-05-05 (its arrival).
    static func fillInbox(_ fixture: JobFixture) throws {
        let a1 = canonical()
        try fixture.writeInbox("SUP-A/A1.xml", a1)
        try fixture.writeInbox(
            "SUP-A/2026/05/A2.xml",
            canonical(
                material: #"partNumber="ZN-200""#, lot: "A2", manufactured: "2026-05-03", assay: "100.45"))
        try fixture.writeInbox("SUP-A/copy-of-A1.xml", a1)
        try fixture.writeInbox("SUP-A/broken.xml", String(a1.prefix(300)))
        try fixture.writeInbox(
            "SUP-A/unknown-material.xml", canonical(material: #"materialId="MAT-9""#, lot: "A9"))
        try fixture.writeInbox("SUP-B/wrong-folder.xml", canonical(lot: "B1"))
        try fixture.writeInbox("stray.xml", canonical(lot: "S1"))
        try fixture.writeInbox("SUP-A/upload.xml.part", "<half")
        try fixture.writeInbox("SUP-A/.hidden.xml", a1)
        let arrival = try #require(ISO8601DateFormatter().date(from: "2026-05-05T12:00:00Z"))
        let enumerator = FileManager.default.enumerator(at: fixture.inbox, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            try FileManager.default.setAttributes([.modificationDate: arrival], ofItemAtPath: url.path)
        }
    }

    static func snapshot(_ inbox: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(
            at: inbox, includingPropertiesForKeys: [.contentModificationDateKey])
        while let url = enumerator?.nextObject() as? URL {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let date = try url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
            files[url.path] = SHA256.hex(of: [UInt8](data)) + " \(date?.timeIntervalSince1970 ?? 0)"
        }
        return files
    }

    @Test func everyFileIsAcceptedRejectedWithAReasonOrRecordedAsDuplicate() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        try Self.fillInbox(fixture)
        let before = try Self.snapshot(fixture.inbox)
        let summary = try fixture.run(asOf: "2026-06-30")
        #expect(summary.counts.documentsAccepted == 2)
        #expect(summary.counts.documentsRejected == 4)
        #expect(summary.counts.documentsDuplicate == 1)

        let reasons =
            try fixture.scalar(
                """
                SELECT string_agg(path || ' ' || status || ': ' || coalesce(reason, ''), E'\\n' ORDER BY path)
                FROM scorecard.coa_documents
                """, as: String.self) ?? ""
        #expect(reasons.contains("SUP-A/A1.xml accepted"))
        #expect(reasons.contains("SUP-A/2026/05/A2.xml accepted"))
        #expect(reasons.contains("SUP-A/copy-of-A1.xml duplicate: same bytes as SUP-A/A1.xml"))
        #expect(reasons.contains("SUP-A/broken.xml rejected"))
        #expect(
            reasons.contains(
                "SUP-A/unknown-material.xml rejected: material MAT-9 is not in procurement.materials"))
        #expect(
            reasons.contains(
                "SUP-B/wrong-folder.xml rejected: document names supplier SUP-A but sits in the folder of SUP-B"
            ))
        #expect(reasons.contains("stray.xml rejected: file is not in a supplier folder"))
        #expect(!reasons.contains(".part"))
        #expect(!reasons.contains(".hidden"))
        // A broken file's rejection names the place in it.
        #expect(
            try fixture.scalar(
                "SELECT error_line FROM scorecard.coa_documents WHERE path = 'SUP-A/broken.xml'", as: Int.self
            ) != nil)
        // The raw bytes are kept.
        #expect(
            try fixture.scalar(
                "SELECT size_bytes = length(raw) FROM scorecard_store.coa_documents WHERE path = 'SUP-A/A1.xml'",
                as: Bool.self) == true)

        // Verdicts against our specification; the part number resolved through the approved sources.
        let verdicts = try fixture.scalar(
            """
            SELECT string_agg(lot_number || ' ' || characteristic || ' ' || verdict, ', ' ORDER BY lot_number, position)
            FROM scorecard.coa_measurements
            """, as: String.self)
        #expect(
            verdicts
                == "A1 assay pass, A1 lead pass, A1 appearance no_spec, A2 assay edge, A2 lead pass, A2 appearance no_spec"
        )
        let band = try #require(
            try fixture.scalar(
                "SELECT band_position FROM scorecard.coa_measurements WHERE lot_number = 'A1' AND characteristic = 'assay'",
                as: Double.self))
        #expect(abs(band - (99.62 - 99.0) / 1.5) < 1e-9)
        // 4 numeric verdicts in the window, one of them edge; A3 and A4 have no CoA: missing.
        #expect(try fixture.score("coa_conformance_rate", supplier: "SUP-A", as: Double.self) == 1)
        #expect(try fixture.score("coa_edge_rate", supplier: "SUP-A", as: Double.self) == 0.25)
        #expect(try fixture.score("missing_coa_lots", supplier: "SUP-A", as: Int.self) == 2)
        // Rejections are flagged and listed in the HTML.
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM scorecard.supplier_flags WHERE kind = 'coa_rejected'", as: Int.self)
                == 4)
        let index = try String(
            contentsOf: fixture.reports.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("SUP-A/unknown-material.xml"))
        #expect(index.contains("MAT-9 is not in procurement.materials"))

        // The inbox is never modified, and the next night reads nothing again.
        #expect(try Self.snapshot(fixture.inbox) == before)
        let next = try fixture.run(asOf: "2026-07-01")
        #expect(
            next.counts.documentsAccepted + next.counts.documentsRejected + next.counts.documentsDuplicate
                == 0)
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.coa_documents", as: Int.self) == 7)
    }

    @Test func aNightWithoutAnInboxFolderStillScores() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let summary = try fixture.run(asOf: "2026-06-30")
        #expect(summary.counts.suppliersScored == 2)
        #expect(summary.counts.documentsAccepted == 0)
    }
}
