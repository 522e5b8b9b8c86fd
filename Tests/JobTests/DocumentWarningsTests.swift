import Foundation
import Job
import Testing

/// What a profile could not read is stored with the document and readable in `scorecard.coa_documents`.
@Suite struct DocumentWarningsTests {
    @Test func anImpossibleDateIsStoredAsAWarningAndTheLotDayComesFromElsewhere() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <acme:Certificate xmlns:acme="http://acme.example/coa/2">
              <acme:Header><acme:Lot>A1</acme:Lot><acme:Article>ZN-200</acme:Article>
                <acme:Produced>30.02.2026</acme:Produced><acme:Signed by="K. Mayer">10.05.2026</acme:Signed></acme:Header>
              <acme:Tests><acme:Test name="Gehalt" unit="%"><acme:Result>99,7</acme:Result>
                <acme:Spec>see below</acme:Spec></acme:Test></acme:Tests>
            </acme:Certificate>
            """
        try fixture.writeInbox("SUP-A/A1.xml", document)
        try fixture.writeInbox("SUP-A/A2.xml", CoAIntakeTests.canonical(lot: "A2"))
        _ = try fixture.run(asOf: "2026-06-30")
        let stored = try fixture.scalar(
            """
            SELECT string_agg(path || ' ' || status || ' ' || (
                       SELECT coalesce(string_agg(w->>'field' || ': ' || (w->>'written') || ' ' || (w->>'problem'), ' | '), '-')
                       FROM jsonb_array_elements(warnings) w), E'\\n' ORDER BY path)
            FROM scorecard.coa_documents
            """, as: String.self)
        #expect(
            stored == """
                SUP-A/A1.xml accepted document.manufactured: '30.02.2026' is not a day: month 2 of 2026 has 28 days (dd.MM.yyyy); read as not stated | results[0] 'Gehalt'.limits: 'see below' is not a limit (a range or NMT/NLT/≤/≥/max/min with a number); not used
                SUP-A/A2.xml accepted -
                """)
        #expect(
            try fixture.scalar(
                "SELECT manufactured IS NULL FROM scorecard.coa_documents WHERE path = 'SUP-A/A1.xml'",
                as: Bool.self)
                == true)
    }
}
