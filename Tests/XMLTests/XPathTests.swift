import Testing

@testable import XML

private let sample = """
    <c:Doc xmlns:c="urn:c"><c:Item id="1"><c:V>2.5</c:V></c:Item><c:Item id="2"><c:V>4</c:V></c:Item>\
    <c:Ref to="2"/></c:Doc>
    """

@Test func evaluatesWithRegisteredPrefixes() throws {
    let document = try XMLDocument.parse(Array(sample.utf8))
    let xpath = try XPathContext(document: document, namespaces: ["q": "urn:c"])
    #expect(try xpath.nodes("//q:Item").count == 2)
    #expect(try xpath.string("//q:Item[2]/q:V") == "4")
    #expect(try xpath.number("sum(//q:V)") == 6.5)
    #expect(try xpath.boolean("count(//q:Item) = 2"))
    // No default namespace in XPath 1.0: an unprefixed name does not match elements in a namespace.
    #expect(try xpath.nodes("//Item").isEmpty)
    if case .number(let n) = try xpath.evaluate("count(//q:V)") { #expect(n == 2) } else { Issue.record() }
}

@Test func evaluatesRelativeToNodeAndJoinsThroughVariables() throws {
    let document = try XMLDocument.parse(Array(sample.utf8))
    let xpath = try XPathContext(document: document, namespaces: ["q": "urn:c"])
    let reference = try #require(try xpath.nodes("//q:Ref").first)
    try xpath.bind("target", to: "string(@to)", at: reference)
    try xpath.bind("item", to: "//q:Item[@id = $target]", at: reference)
    #expect(try xpath.string("$item/q:V") == "4")
    #expect(try xpath.number("$item/q:V + 0.5") == 4.5)
    try xpath.bind("target", to: "'1'")
    try xpath.bind("item", to: "//q:Item[@id = $target]")
    #expect(try xpath.string("$item/q:V") == "2.5")
}

@Test func xpathErrorsComeFromTheContext() throws {
    let document = try XMLDocument.parse(Array(sample.utf8))
    let xpath = try XPathContext(document: document)
    #expect { _ = try xpath.string("//q:Item") } throws: { error in
        guard let error = error as? XMLError else { return false }
        return error.kind == .xpath && error.message.contains("//q:Item")
    }
    #expect(throws: XMLError.self) { _ = try xpath.string("//[") }
    #expect(throws: XMLError.self) { _ = try xpath.string("$undefined") }
}
