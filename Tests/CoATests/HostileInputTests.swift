import Foundation
import Testing
import XML

@testable import CoA

private func reader() throws -> CoAReader {
    try CoAReader(profiles: CoAProfile.loadAll(in: FixtureFiles.profilesDirectory))
}

/// Everything a read can show anyone: the rejection or the whole certificate.
private func output(_ result: Result<Certificate, CoARejection>) -> String {
    switch result {
    case .success(let certificate): return String(reflecting: certificate)
    case .failure(let rejection): return rejection.description
    }
}

private let entity = "unsafe XML: the document declares an entity"
private let externalDTD = "unsafe XML: the document refers to an external DTD"
private let malformed = "not well-formed XML"
private let unknown = "unknown format"

/// Each shared hostile sample and the start of the reason it must be rejected with.
private let expectedOutcomes: [String: String] = [
    "defusedxml/cyclic.xml": entity,
    "defusedxml/dtd.xml": externalDTD,
    "defusedxml/external.xml": entity,
    "defusedxml/external_file.xml": entity,
    "defusedxml/quadratic.xml": entity,
    "defusedxml/schema-include.xsd": unknown,
    "defusedxml/xmlbomb.xml": entity,
    "libxml2-tests/empty.xml": "not well-formed XML: document is empty",
    "libxml2-tests/extparsedent.xml": entity,
    "libxml2-tests/lol_classic.xml": entity,
    "libxml2-tests/lol_ip_value.dtd": malformed,
    "libxml2-tests/lol_ip_value.xml": externalDTD,
    "libxml2-tests/lol_long_value.xml": entity,
    // Its DTD gives <e> 300 attribute defaults, which libxml2 checks against each other for every <e>
    // even though they never reach the tree (no DTDATTR): over the limit of 256 attributes.
    "libxml2-tests/quadratic-defattr.xml": "too many attributes: element <e> has 300 attributes",
    "libxml2-tests/rec_ext.ent": malformed,
    "libxml2-tests/rec_ext_ent.xml": entity,
    // libxml2 ignores a NUL and a half code unit after the root element: harmless, parsed, not a CoA.
    "libxml2-tests/trailing-null-1.xml": unknown,
    "libxml2-tests/truncated-utf16.xml": unknown,
    "libxml2-tests/unsupported-encoding.xml": malformed,
    // Valid UTF-16LE without BOM: parsed, then not a CoA.
    "libxml2-tests/utf16lebom.xml": unknown,
    "libxml2-tests/utf8-1.xml": malformed,
    // The invalid content model (#ANY) comes before the entity and is the first error.
    "payloadsallthethings-xxe/classic-xxe-etc-passwd.xml": "not well-formed XML: ContentDecl",
    "payloadsallthethings-xxe/xxe-param-entity-data-uri.xml": entity,
    "payloadsallthethings-xxe/xxe-php-wrapper.xml": entity,
]

@Test func everySharedHostileSampleIsRejectedWithItsReasonAndTheRestStillReads() throws {
    let reader = try reader()
    var seen: [String] = []
    for folder in ["defusedxml", "libxml2-tests", "payloadsallthethings-xxe"] {
        for url in try FixtureFiles.files(in: "hostile/\(folder)") {
            let name = "\(folder)/\(url.lastPathComponent)"
            seen.append(name)
            let result = reader.read(Array(try Data(contentsOf: url)))
            let expected = try #require(expectedOutcomes[name], "no expectation for \(name)")
            guard case .failure(let rejection) = result else {
                Issue.record("\(name) was accepted")
                continue
            }
            #expect(rejection.reason.hasPrefix(expected), "\(name): \(rejection)")
            // Where libxml2 or a guard knows the place, the reason names it.
            if expected != unknown && name != "libxml2-tests/empty.xml" {
                #expect(rejection.line != nil, "\(name): \(rejection)")
            }
            #expect(!output(result).contains("root:x:0:0"), "\(name)")
            // A good document straight after each hostile one is still read.
            #expect(throws: Never.self) { try reader.read(FixtureFiles.bytes("canonical/example.xml")).get() }
        }
    }
    #expect(seen.sorted() == expectedOutcomes.keys.sorted())
}

@Test func entityBombIsRejectedWhereItIsDeclared() throws {
    let result = try reader().read(try FixtureFiles.bytes("hostile/defusedxml/xmlbomb.xml"))
    #expect(
        result
            == .failure(
                CoARejection(
                    reason: "\(entity), which is not allowed", line: 2, column: 24, documentIsXML: false)))
}

@Test func localFileReferencedByEveryKindOfExternalReferenceNeverAppears() throws {
    let marker = "SECRET-MARKER-\(UUID().uuidString)"
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "coa-xxe-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let secret = directory.appendingPathComponent("secret.txt")
    try Data(marker.utf8).write(to: secret)
    let dtd = directory.appendingPathComponent("evil.dtd")
    try Data("<!ENTITY leak \"\(marker)\">".utf8).write(to: dtd)
    let canonical = String(decoding: try FixtureFiles.bytes("canonical/example.xml"), as: UTF8.self)
    let body = canonical.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
    let attacks = [
        "<!DOCTYPE CertificateOfAnalysis [<!ENTITY x SYSTEM \"file://\(secret.path)\">]>\n"
            + body.replacingOccurrences(of: "PO-45012", with: "&x;"),
        "<!DOCTYPE CertificateOfAnalysis [<!ENTITY % p SYSTEM \"file://\(dtd.path)\"> %p;]>\n"
            + body.replacingOccurrences(of: "PO-45012", with: "&leak;"),
        "<!DOCTYPE CertificateOfAnalysis SYSTEM \"file://\(dtd.path)\">\n"
            + body.replacingOccurrences(of: "PO-45012", with: "&leak;"),
        "<!DOCTYPE CertificateOfAnalysis [<!ENTITY x SYSTEM \"\(secret.path)\">]>\n"
            + body.replacingOccurrences(of: "conforms", with: "&x;"),
        // XInclude is never processed: the include element is just an unknown extension element.
        body.replacingOccurrences(
            of: "</CertificateOfAnalysis>",
            with:
                "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"\(secret.path)\" parse=\"text\"/></CertificateOfAnalysis>"
        ),
    ]
    let reader = try reader()
    for (index, attack) in attacks.enumerated() {
        let result = reader.read(Array(attack.utf8))
        #expect(!output(result).contains(marker), "attack \(index)")
        if index < 4 {
            guard case .failure(let rejection) = result else {
                Issue.record("attack \(index) accepted")
                continue
            }
            #expect(rejection.reason.hasPrefix("unsafe XML"), "attack \(index): \(rejection)")
            #expect(rejection.line == 1, "attack \(index): \(rejection)")
        } else {
            #expect((try? result.get())?.purchaseOrder == "PO-45012")
        }
    }
}

@Test func noNetworkConnectionIsAttempted() throws {
    let listener = try LocalListener()
    let base = "http://127.0.0.1:\(listener.port)"
    let attacks = [
        "<!DOCTYPE a SYSTEM \"\(base)/a.dtd\"><a/>",
        "<!DOCTYPE a [<!ENTITY e SYSTEM \"\(base)/e\">]><a>&e;</a>",
        "<!DOCTYPE a [<!ENTITY % p SYSTEM \"\(base)/p\"> %p;]><a/>",
        "<?xml-stylesheet href=\"\(base)/s.xsl\"?><a xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            + "xsi:schemaLocation=\"urn:x \(base)/x.xsd\"/>",
    ]
    let reader = try reader()
    for attack in attacks {
        #expect(throws: CoARejection.self) { try reader.read(Array(attack.utf8)).get() }
    }
    #expect(listener.pendingConnections() == 0)
}

@Test func generatedHostileAndBrokenInputs() throws {
    let reader = try reader()
    let example = try FixtureFiles.bytes("canonical/example.xml")
    let expected = try reader.read(example).get()
    func rejection(_ bytes: [UInt8]) -> CoARejection? {
        guard case .failure(let rejection) = reader.read(bytes) else { return nil }
        return rejection
    }

    // Deep nesting: 100,000 levels stop at libxml2's 256 while parsing.
    let deep = Array(
        (String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)).utf8)
    let tooDeep = try #require(rejection(deep))
    #expect(
        tooDeep.reason == "too deeply nested: elements are nested deeper than libxml2's limit of 256 levels",
        "\(tooDeep)")
    #expect(tooDeep.line == 1)

    // 50 MiB: rejected on its size, before parsing (the message gives both sizes).
    var huge = Array("<a>".utf8)
    huge += Array(repeating: UInt8(ascii: "x"), count: 50 * 1024 * 1024)
    huge += Array("</a>".utf8)
    #expect(rejection(huge)?.reason == "too large: document is \(huge.count) bytes, the limit is 5242880")
    #expect(rejection(huge)?.line == nil)

    // Invalid UTF-8 on line 12.
    var invalid = example
    let lead = try #require(String(decoding: example, as: UTF8.self).range(of: "conforms"))
    let offset = String(decoding: example, as: UTF8.self).utf8.distance(
        from: String(decoding: example, as: UTF8.self).startIndex, to: lead.lowerBound)
    invalid[offset] = 0xFF
    let badUTF8 = try #require(rejection(invalid))
    #expect(badUTF8.reason.hasPrefix(malformed) && badUTF8.line == 14, "\(badUTF8)")

    // UTF-16, with and without BOM: the same certificate.
    let utf16Text = String(decoding: example, as: UTF8.self).replacingOccurrences(
        of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
    let utf16LE = utf16Text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(try reader.read([0xFF, 0xFE] + utf16LE).get() == expected)
    #expect(try reader.read(utf16LE).get() == expected)
    let utf16BE = utf16Text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(try reader.read([0xFE, 0xFF] + utf16BE).get() == expected)

    // Truncated in the middle of the results.
    let truncated = try #require(rejection(Array(example.prefix(example.count / 2 + 40))))
    #expect(truncated.reason.hasPrefix(malformed) && truncated.line != nil, "\(truncated)")

    // A NUL byte inside an element.
    var withNUL = example
    withNUL[offset + 2] = 0
    let nul = try #require(rejection(withNUL))
    #expect(nul.reason.hasPrefix(malformed) && nul.line == 14, "\(nul)")

    #expect(
        rejection([]) == CoARejection(reason: "not well-formed XML: document is empty", documentIsXML: false))
    let pdf = try #require(rejection(Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n".utf8)))
    #expect(pdf.reason.hasPrefix(malformed) && pdf.line == 1, "\(pdf)")
    let json = try #require(rejection(Array(#"{"lot": "L1"}"#.utf8)))
    #expect(json.reason.hasPrefix(malformed), "\(json)")

    // After all of that, the good document still reads.
    #expect(try reader.read(example).get() == expected)
}

@Test func smallerLimitsAreHonoured() throws {
    let reader = try CoAReader(limits: XMLLimits(maxBytes: 100, maxDepth: 2))
    let example = try FixtureFiles.bytes("canonical/example.xml")
    #expect(try #require(reader.read(example).failure).reason.hasPrefix("too large"))
    let deep = try CoAReader(limits: XMLLimits(maxBytes: 1 << 20, maxDepth: 2)).read(example)
    #expect(try #require(deep.failure).reason.hasPrefix("too deeply nested"))
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

@Test func schemaImportsAndIncludesAreNeverFetched() throws {
    let listener = try LocalListener()
    let base = "http://127.0.0.1:\(listener.port)"
    let shared = String(
        decoding: try FixtureFiles.bytes("hostile/defusedxml/schema-include.xsd"), as: UTF8.self)
    let local = shared.replacingOccurrences(of: "http://www.w3.org/2001/xml.xsd", with: "\(base)/xml.xsd")
        .replacingOccurrences(
            of: "<xsd:element", with: "<xsd:include schemaLocation=\"\(base)/more.xsd\"/><xsd:element")
    for text in [shared, local] {
        // Compiles without the imported parts, or fails: either way nothing is loaded.
        _ = try? XMLSchema(bytes: Array(text.utf8))
    }
    #expect(listener.pendingConnections() == 0)
}
