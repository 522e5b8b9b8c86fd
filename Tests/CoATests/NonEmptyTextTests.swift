import Foundation
import Testing

@testable import CoA

/// `NonEmptyText` in coa-1.xsd: text with at least one character that is not a space, tab or line break,
/// and no line break (XSD's `.` matches none). The pattern was rewritten to one libxml2 matches without
/// backtracking; these cases hold for the old pattern (`.*\S.*`) and the new one alike.
@Suite struct NonEmptyTextTests {
    static func document(purchaseOrder: String) -> [UInt8] {
        let example = (try? FixtureFiles.bytes("canonical/example.xml")) ?? []
        let text = String(decoding: example, as: UTF8.self)
        let replaced = text.replacingOccurrences(
            of: "<PurchaseOrder>PO-45012</PurchaseOrder>",
            with: "<PurchaseOrder>\(purchaseOrder)</PurchaseOrder>")
        return Array(replaced.utf8)
    }

    @Test(arguments: [
        ("PO-45012", true), ("  PO 45012  ", true), ("\tx", true), ("x\t", true), ("é", true), ("·", true),
        ("", false), (" ", false), ("\t \t", false), ("a\nb", false), ("\nPO", false), ("PO\n", false),
        ("&#13;x", false),
    ])
    func purchaseOrder(text: String, valid: Bool) throws {
        let reader = try CoAReader()
        let bytes = Self.document(purchaseOrder: text)
        #expect(bytes.count > 100)
        switch reader.read(bytes) {
        case .success(let certificate):
            #expect(valid, "'\(text)' was accepted")
            #expect(certificate.purchaseOrder != nil)
        case .failure(let rejection):
            #expect(!valid, "'\(text)' was rejected: \(rejection)")
            #expect(rejection.reason.contains("PurchaseOrder"))
        }
    }
}
