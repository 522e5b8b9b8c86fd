import Dispatch
import Foundation
import Testing

@testable import XML

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Test func parsesRootNameNamespaceAndAttributes() throws {
    let document = try XMLDocument.parse(bytes(#"<a xmlns="urn:x" k="v"><b>t</b></a>"#))
    let root = try #require(document.root)
    #expect(root.name == "a")
    #expect(root.namespace == "urn:x")
    #expect(root.attribute("k") == "v")
    #expect(root.attribute("missing") == nil)
    #expect(root.text == "t")
}

@Test func malformedDocumentNamesLineAndColumn() {
    #expect {
        _ = try XMLDocument.parse(bytes("<a>\n  <b></c>\n</a>"))
    } throws: { error in
        guard let error = error as? XMLError else { return false }
        return error.kind == .notWellFormed && error.line == 2 && error.column != nil
            && error.description.contains("line 2")
    }
}

@Test func rejectsTooLargeBeforeParsing() {
    let limits = XMLLimits(maxBytes: 10, maxDepth: 256)
    #expect(throws: XMLError.self) { _ = try XMLDocument.parse(bytes("<a>0123456789</a>"), limits: limits) }
    #expect(throws: Never.self) { _ = try XMLDocument.parse(bytes("<a>1</a>"), limits: limits) }
}

@Test func depthLimitIsConfigurable() throws {
    let nested = String(repeating: "<a>", count: 5) + String(repeating: "</a>", count: 5)
    _ = try XMLDocument.parse(bytes(nested), limits: XMLLimits(maxBytes: 1000, maxDepth: 5))
    #expect {
        _ = try XMLDocument.parse(bytes(nested), limits: XMLLimits(maxBytes: 1000, maxDepth: 4))
    } throws: { ($0 as? XMLError)?.kind == .tooDeep }
}

@Test func depthOfSiblingsAndTextDoesNotAccumulate() throws {
    let wide = "<r>" + String(repeating: "<a><b>x</b></a>text", count: 100) + "</r>"
    _ = try XMLDocument.parse(bytes(wide), limits: XMLLimits(maxBytes: 100_000, maxDepth: 3))
}

@Test func rejectsEntityDeclarationWithPlace() {
    let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [\n<!ENTITY e \"x\">\n]>\n<a>&e;</a>"
    #expect {
        _ = try XMLDocument.parse(bytes(text))
    } throws: { error in
        guard let error = error as? XMLError else { return false }
        return error.kind == .entityDeclaration && error.line == 3
    }
}

@Test func rejectsExternalDTD() {
    let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"http://example.invalid/a.dtd\">\n<a/>"
    #expect { _ = try XMLDocument.parse(bytes(text)) } throws: { ($0 as? XMLError)?.kind == .externalDTD }
}

@Test func acceptsInternalSubsetWithoutEntities() throws {
    let text = "<!DOCTYPE a [<!ELEMENT a (#PCDATA)>]><a>ok</a>"
    #expect(try XMLDocument.parse(bytes(text)).root?.text == "ok")
}

@Test func parsesInParallelOnAllCores() {
    let documents = (0..<400).map { index in bytes("<r><v>\(index)</v></r>") }
    let results = Results(count: documents.count)
    DispatchQueue.concurrentPerform(iterations: documents.count) { index in
        let value = (try? XMLDocument.parse(documents[index]))?.root?.text
        results.set(index, value)
        // Broken documents in between must report their own error, not a neighbour's.
        do throws(XMLError) {
            _ = try XMLDocument.parse(bytes("<r>\n<x\(index)></r>"))
        } catch {
            results.setError(index, error.line)
        }
    }
    #expect(results.values == (0..<400).map { String($0) })
    #expect(results.errorLines == Array(repeating: 2, count: 400))
}

/// Thread-safe collector for the parallel test.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [String?]
    private(set) var errorLines: [Int?]
    init(count: Int) {
        values = Array(repeating: nil, count: count)
        errorLines = Array(repeating: nil, count: count)
    }
    func set(_ index: Int, _ value: String?) { lock.withLock { values[index] = value } }
    func setError(_ index: Int, _ line: Int?) { lock.withLock { errorLines[index] = line } }
}

@Test func libxml2DepthLimitIsReportedAsTooDeep() {
    let nested = String(repeating: "<a>\n", count: 300) + String(repeating: "</a>", count: 300)
    #expect {
        _ = try XMLDocument.parse(bytes(nested), limits: XMLLimits(maxBytes: 1 << 20, maxDepth: 10_000))
    } throws: { error in
        guard let error = error as? XMLError else { return false }
        return error.kind == .tooDeep && error.line == 258
    }
}
