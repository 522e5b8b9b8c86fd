import Testing

@testable import XML

/// Attribute values are read in place when plain; every other case must read as libxml2's own lookup.
@Test func attributesReadInPlaceOrThroughLibxml2() throws {
    let text = """
        <!DOCTYPE r [<!ATTLIST r d CDATA "dflt">]>
        <r xmlns:p="urn:p" a="x" e="" p:n="namespaced" m="a&amp;b &#x3C; c" long="\(String(repeating: "z", count: 40))"/>
        """
    let document = try XMLDocument.parse(Array(text.utf8))
    let root = try #require(document.root)
    #expect(root.attribute("a") == "x")
    #expect(root.attribute("e") == "")
    #expect(root.attribute("m") == "a&b < c")
    #expect(root.attribute("long") == String(repeating: "z", count: 40))
    #expect(root.attribute("n") == nil)  // only in a namespace
    #expect(root.attribute("d") == "dflt")  // the DTD's default, as libxml2 gives it
    #expect(root.attribute("missing") == nil)
    #expect(root.hasNamespace("urn:p") == false)
}

@Test func namespacesComparedInPlace() throws {
    let document = try XMLDocument.parse(
        Array(#"<c:a xmlns:c="urn:supplier-scorecard:coa:1"><b/><c:d/></c:a>"#.utf8))
    let root = try #require(document.root)
    #expect(root.hasNamespace("urn:supplier-scorecard:coa:1"))
    #expect(!root.hasNamespace("urn:supplier-scorecard:coa:2"))
    #expect(!root.hasNamespace(""))
    #expect(root.elements.map { $0.hasNamespace("urn:supplier-scorecard:coa:1") } == [false, true])
}
