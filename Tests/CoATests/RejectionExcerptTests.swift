import Testing

@testable import CoA

/// libxml2's and the XSD's messages quote the document: a reason keeps a bounded, escaped excerpt only.
@Suite struct RejectionExcerptTests {
    static let secret = String(repeating: "SECRET", count: 2_000)

    static func rejection(_ text: String) throws -> CoARejection {
        guard case .failure(let rejection) = try CoAReader().read(Array(text.utf8)) else {
            throw RejectionTestError()
        }
        return rejection
    }

    static func expectBounded(_ rejection: CoARejection, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            rejection.reason.unicodeScalars.count <= 2 * CoARejection.excerptLimit,
            sourceLocation: sourceLocation)
        #expect(!rejection.reason.contains { $0.isNewline }, sourceLocation: sourceLocation)
        #expect(!rejection.reason.contains(secret), sourceLocation: sourceLocation)
    }

    @Test func aParserMessageQuotingATagIsBounded() throws {
        let rejection = try Self.rejection("<\(Self.secret)>text</other>")
        #expect(rejection.reason.hasPrefix("not well-formed XML: "))
        #expect(!rejection.documentIsXML)
        Self.expectBounded(rejection)
    }

    @Test func aSchemaMessageQuotingAValueIsBoundedAndEscaped() throws {
        let rejection = try Self.rejection(
            """
            <CertificateOfAnalysis xmlns="urn:supplier-scorecard:coa:1">
              <Lot number="L1" quantity="1&#10;forged line \(Self.secret)"/>
            </CertificateOfAnalysis>
            """)
        #expect(rejection.reason.hasPrefix("not valid against coa-1.xsd: "))
        #expect(rejection.documentIsXML)
        Self.expectBounded(rejection)
    }

    @Test func anUnknownRootElementIsQuotedBounded() throws {
        let rejection = try Self.rejection("<\(Self.secret) xmlns=\"urn:x\"/>")
        #expect(rejection.reason.hasPrefix("unknown format: root element {urn:x}SECRET"))
        Self.expectBounded(rejection)
    }
}

private struct RejectionTestError: Error {}
