import Foundation
import Testing

@testable import CoA

/// One profile for a format with several roots, and a supplier's own identifier mapped to ours.
@Suite struct ProfileMatchAndSupplierIdTests {
    private let json = """
        {"name": "b2", "match": [{"root": "MaterialLot"}, {"root": "QAResults", "test": "count(/*/R) > 0"}],
         "supplierIds": {"081466849": "SUP-0007"},
         "document": {"supplierId": "/*/@duns", "lotNumber": "/*/@lot"},
         "results": [{"select": "/*/R", "characteristic": "@n", "value": "."}]}
        """

    @Test func everyRootOfTheListIsRead() throws {
        let reader = try CoAReader(profiles: [try CoAProfile.load(data: Data(json.utf8), file: "b2.json")])
        for root in ["MaterialLot", "QAResults"] {
            let text = #"<\#(root) duns="081466849" lot="L1"><R n="a">1</R></\#(root)>"#
            let certificate = try reader.read(Array(text.utf8)).get()
            #expect(certificate.format == "b2")
            #expect(certificate.supplierId == "SUP-0007")
        }
        let unmapped = try reader.read(
            Array(#"<MaterialLot duns="999" lot="L1"><R n="a">1</R></MaterialLot>"#.utf8)
        ).get()
        #expect(unmapped.supplierId == "999")
        // The test of the second root applies to that root only.
        #expect(throws: CoARejection.self) { try reader.read(Array(#"<QAResults lot="L1"/>"#.utf8)).get() }
        #expect(throws: CoARejection.self) {
            try reader.read(Array(#"<Other lot="L1"><R n="a">1</R></Other>"#.utf8)).get()
        }
    }

    @Test func aMatchListIsCheckedEntryByEntry() {
        let broken = json.replacingOccurrences(
            of: #"{"root": "MaterialLot"}"#, with: #"{"rot": "MaterialLot"}"#)
        #expect(
            profileProblems(broken) == [
                "match[0]: missing 'root'", "match[0].rot: unknown key; did you mean 'root'?",
            ])
    }
}
