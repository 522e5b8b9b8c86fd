import CoA
import Store
import Testing

@Suite struct RawExcerptTests {
    @Test func anExcerptIsShortEscapedAndNeverXML() throws {
        let bytes: [UInt8] = Array("<?xml version=\"1.0\"?><a>".utf8) + Array(repeating: 0x00, count: 10_000)
        let excerpt = RawExcerpt.of(bytes, size: bytes.count)
        let text = String(decoding: excerpt, as: UTF8.self)
        #expect(text.hasPrefix("not XML; escaped prefix, "))
        #expect(text.contains(" of 10024 bytes:\n<?xml version=\"1.0\"?><a>\\x00\\x00"))
        let body = text.split(separator: "\n", maxSplits: 1).last ?? ""
        #expect(body.utf8.count <= RawExcerpt.limit)
        #expect(excerpt.allSatisfy { $0 == 0x0A || (0x20..<0x7F).contains($0) })
        #expect(RawExcerpt.isExcerpt(excerpt))
        #expect(!RawExcerpt.isExcerpt(Array("<a/>".utf8)))
        // What is stored is never read as a document.
        if case .success = try CoAReader().read(excerpt) {
            Issue.record("an excerpt was read as a certificate")
        }
    }
}
