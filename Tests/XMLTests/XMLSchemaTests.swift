import Testing

@testable import XML

private let xsd = """
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t"
      elementFormDefault="qualified">
      <xs:element name="r"><xs:complexType><xs:sequence>
        <xs:element name="n" type="xs:decimal" maxOccurs="unbounded"/>
      </xs:sequence></xs:complexType></xs:element>
    </xs:schema>
    """

@Test func validDocumentHasNoErrors() throws {
    let schema = try XMLSchema(bytes: Array(xsd.utf8))
    let document = try XMLDocument.parse(Array(#"<r xmlns="urn:t"><n>1.5</n></r>"#.utf8))
    #expect(try schema.validate(document).isEmpty)
}

@Test func invalidDocumentListsEachErrorWithItsLine() throws {
    let schema = try XMLSchema(bytes: Array(xsd.utf8))
    let text = "<r xmlns=\"urn:t\">\n<n>x</n>\n<n>2</n>\n<bad/>\n</r>"
    let errors = try schema.validate(try XMLDocument.parse(Array(text.utf8)))
    #expect(errors.map(\.line) == [2, 4])
    #expect(errors.allSatisfy { $0.kind == .invalid })
}

@Test func brokenSchemaDoesNotCompile() {
    #expect(throws: XMLError.self) {
        _ = try XMLSchema(
            bytes: Array(
                #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:bogus/></xs:schema>"#.utf8))
    }
}
