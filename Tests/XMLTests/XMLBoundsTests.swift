import Foundation
import Testing

@testable import XML

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

private func parseError(_ text: String, limits: XMLLimits = .default) -> XMLError? {
    parseError(bytes(text), limits: limits)
}

private func parseError(_ data: [UInt8], limits: XMLLimits = .default) -> XMLError? {
    do {
        _ = try XMLDocument.parse(data, limits: limits)
        return nil
    } catch {
        return error
    }
}

/// `<r>` with one element of `count` distinct attributes, about 12 bytes each.
private func manyAttributes(_ count: Int) -> [UInt8] {
    var text = Array("<?xml version=\"1.0\"?>\n<r>\n<e".utf8)
    text.reserveCapacity(count * 12 + 64)
    for index in 0..<count {
        text += Array(" a\(index)=\"1\"".utf8)
    }
    text += Array("/>\n</r>\n".utf8)
    return text
}

private let wide = XMLLimits(maxBytes: 64 << 20, maxDepth: 256, maxNodes: 10_000_000)

@Test func threeHundredThousandAttributesAreRejectedBeforeLibxml2Parses() throws {
    let document = manyAttributes(300_000)
    #expect(document.count > 3_000_000)
    let clock = ContinuousClock()
    var error: XMLError?
    let elapsed = clock.measure { error = parseError(document, limits: wide) }
    print("300,000 attributes on one element (\(document.count) bytes): rejected in \(elapsed)")
    let rejection = try #require(error)
    #expect(rejection.kind == .tooManyAttributes)
    #expect(rejection.message == "element <e> has 300000 attributes, the limit is 256")
    #expect(rejection.line == 3)
    // The goal is far below this (see the README); debug builds on a shared machine are slow.
    #expect(elapsed < .seconds(5))
}

@Test func attributeLimitIsExactAndConfigurable() throws {
    let limits = XMLLimits(maxBytes: 1 << 20, maxDepth: 256, maxAttributes: 10)
    #expect(parseError(manyAttributes(10), limits: limits) == nil)
    #expect(parseError(manyAttributes(11), limits: limits)?.kind == .tooManyAttributes)
    // Namespace declarations are attributes too.
    let namespaces = "<r " + (0..<11).map { "xmlns:p\($0)=\"urn:\($0)\"" }.joined(separator: " ") + "/>"
    #expect(parseError(namespaces, limits: limits)?.kind == .tooManyAttributes)
}

@Test func equalsSignsInValuesCommentsCDATAAndPIsAreNotAttributes() throws {
    let limits = XMLLimits(maxBytes: 1 << 20, maxDepth: 256, maxAttributes: 2)
    let many = String(repeating: "x=1 ", count: 50)
    let texts = [
        "<r a=\"\(many)\" b='\(many) > \"quoted\" = '/>",
        "<r a=\"1\"><!-- <e \(many)> --></r>",
        "<r><![CDATA[<e \(many)>]]></r>",
        "<?pi <e \(many)> ?><r/>",
        "<r>\(many) &amp; \(many)</r>",
        "<!DOCTYPE r [<!ATTLIST r a CDATA \"\(many)\"> <!-- \(many) --> <?pi \(many)?>]><r a='1'/>",
        "<r a=\"1\"></r a=\"1\" \(many)>",
    ]
    for text in texts {
        #expect(parseError(text, limits: limits)?.kind != .tooManyAttributes, "\(text)")
    }
}

@Test func whereLibxml2WouldEndACommentEarlyTheScanCountsOn() throws {
    let limits = XMLLimits(maxBytes: 1 << 20, maxDepth: 256, maxAttributes: 2)
    let tag = "<e " + (0..<5).map { "a\($0)=''" }.joined(separator: " ") + ">"
    let texts = [
        // An invalid character ends libxml2's comment, PI or CDATA section and it reads on as content.
        "<r><!-- \u{1} \(tag) --></r>",
        "<r><?pi \u{1} \(tag) ?></r>",
        "<r><![CDATA[ \u{FFFE} \(tag) ]]></r>",
        // A `<` ends an attribute value; a PI needs a target.
        "<r a=\"<\(tag)\"/>",
        "<r><? \(tag) ?></r>",
        // A start tag inside an internal subset ends the subset where libxml2 reads on.
        "<!DOCTYPE r [ \(tag) ]><r/>",
        "<!DOCTYPE r [ <!ATTLIST r a CDATA \"\(tag)\"> ]><r/>",
    ]
    for text in texts {
        #expect(parseError(text, limits: limits)?.kind == .tooManyAttributes, "\(text)")
    }
}

@Test func nodeLimitCountsElementsAttributesAndText() throws {
    let limits = XMLLimits(maxBytes: 1 << 20, maxDepth: 256, maxNodes: 1_000)
    // <r> + 333 × (<v a="1"> + its text) = 1 + 999 nodes.
    let fits = "<r>" + String(repeating: "<v a=\"1\">t</v>", count: 333) + "</r>"
    #expect(parseError(fits, limits: limits) == nil)
    let over = "<r>\n" + String(repeating: "<v a=\"1\">t</v>\n", count: 600) + "</r>"
    let error = try #require(parseError(over, limits: limits))
    #expect(error.kind == .tooManyNodes && error.message == "the document has more than 1000 nodes")
    #expect(error.line == 251, "\(error)")
}

@Test func manyNodesWithinTheLimitStillParse() throws {
    let text = "<r>" + String(repeating: "<v k=\"1\">42</v>", count: 50_000) + "</r>"
    let document = try XMLDocument.parse(bytes(text))
    #expect(document.root?.elements.count == 50_000)
    let error = try #require(
        parseError(text, limits: XMLLimits(maxBytes: 1 << 22, maxDepth: 256, maxNodes: 100_000)))
    #expect(error.kind == .tooManyNodes)
}

@Test func utf16DocumentsAreScannedAsDecoded() throws {
    let limits = XMLLimits(maxBytes: 1 << 20, maxDepth: 256, maxAttributes: 3)
    func utf16LE(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }
    #expect(parseError(utf16LE("<r a='1' b='2'>ü</r>"), limits: limits) == nil)
    let many = utf16LE("<r a='1' b='2' c='3' d='4'/>")
    #expect(parseError(many, limits: limits)?.kind == .tooManyAttributes)
}

@Test func encodingsAByteScanCannotReadAreRefused() throws {
    let ebcdic = "<?xml version='1.0' encoding='IBM037'?><r/>"
    #expect(parseError(ebcdic)?.message.contains("IBM037") == true)
    #expect(parseError("<?xml version='1.0' encoding='ISO-8859-1'?><r>\u{E9}</r>") == nil)
    let ucs4: [UInt8] = [
        0x00, 0x00, 0x00, 0x3C, 0x00, 0x00, 0x00, 0x72, 0x00, 0x00, 0x00, 0x2F, 0, 0, 0, 0x3E,
    ]
    #expect(parseError(ucs4)?.message.contains("UCS-4") == true)
}

@Test func deepNestingIsStillHandled() throws {
    let nested = String(repeating: "<a>", count: 200) + String(repeating: "</a>", count: 200)
    _ = try XMLDocument.parse(bytes(nested))
    let deeper = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
    #expect(parseError(deeper)?.kind == .tooDeep)
}

@Test func timeBudgetCoversParsingAndLaterXPath() throws {
    let text = "<r>" + String(repeating: "<v>1</v>", count: 20_000) + "</r>"
    let none = XMLLimits(maxBytes: 1 << 20, maxDepth: 256, parseSeconds: 0)
    let error = try #require(parseError(text, limits: none))
    #expect(error.kind == .overTimeBudget)
    #expect(error.message.hasPrefix("the document took longer than its budget of 0.0 s (during parsing)"))

    let short = XMLLimits(maxBytes: 1 << 20, maxDepth: 256, parseSeconds: 1)
    let document = try XMLDocument.parse(bytes(text), limits: short)
    let xpath = try XPathContext(document: document)
    #expect(try xpath.nodes("/r/v").count == 20_000)
    Thread.sleep(forTimeInterval: 1.2)
    #expect(throws: XMLError.self) { _ = try xpath.nodes("/r/v") }
    do {
        _ = try xpath.string("/r/v")
    } catch {
        #expect(error.kind == .overTimeBudget && error.message.contains("XPath evaluation"))
    }
}
