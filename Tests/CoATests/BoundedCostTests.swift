import Foundation
import Testing
import XML

@testable import CoA

/// A canonical-looking CoA whose first result element carries `count` attributes.
private func coaWithAttributes(_ count: Int) -> [UInt8] {
    var text = Array(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CertificateOfAnalysis xmlns=\"urn:supplier-scorecard:coa:1\">\n<Result"
            .utf8)
    text.reserveCapacity(count * 13 + 200)
    for index in 0..<count {
        text += Array(" x\(index)=\"0\"".utf8)
    }
    text += Array("/>\n</CertificateOfAnalysis>\n".utf8)
    return text
}

@Test func threeHundredThousandAttributeCoAIsRejectedNamingTheLimit() throws {
    let reader = try CoAReader(profiles: CoAProfile.loadAll(in: FixtureFiles.profilesDirectory))
    let document = coaWithAttributes(300_000)
    let clock = ContinuousClock()
    var result: Result<Certificate, CoARejection>?
    let elapsed = clock.measure { result = reader.read(document) }
    print("CoAReader: 300,000 attributes (\(document.count) bytes) rejected in \(elapsed)")
    guard case .failure(let rejection) = try #require(result) else {
        Issue.record("accepted")
        return
    }
    #expect(
        rejection.description
            == "too many attributes: element <Result> has 300000 attributes, the limit is 256"
            + " (coa.max_attributes) at line 3")
    #expect(elapsed < .seconds(5))
}

@Test func nodeAndTimeLimitsAreNamedInTheReason() throws {
    let example = try FixtureFiles.bytes("canonical/example.xml")
    let few = try CoAReader(limits: XMLLimits(maxBytes: 1 << 20, maxDepth: 256, maxNodes: 20))
    guard case .failure(let nodes) = few.read(example) else {
        Issue.record("accepted with 20 nodes")
        return
    }
    #expect(nodes.reason == "too many nodes: the document has more than 20 nodes (coa.max_nodes)")
    #expect(nodes.line != nil)

    let none = try CoAReader(limits: XMLLimits(maxBytes: 1 << 20, maxDepth: 256, parseSeconds: 0))
    guard case .failure(let late) = none.read(example) else {
        Issue.record("accepted with no time")
        return
    }
    #expect(late.reason.hasPrefix("over the time budget: the document took longer than its budget of 0.0 s"))
    #expect(late.reason.hasSuffix("(coa.parse_seconds)"))
}

@Test func theDefaultLimitsLeaveEveryFixtureFormatAsItWas() throws {
    let profiles = try CoAProfile.loadAll(in: FixtureFiles.profilesDirectory)
    let bounded = try CoAReader(profiles: profiles)
    let unbounded = try CoAReader(
        profiles: profiles,
        limits: XMLLimits(
            maxBytes: 5 << 20, maxDepth: 256, maxAttributes: .max, maxNodes: .max, parseSeconds: 3600))
    for folder in ["canonical", "en10168", "qif", "worked-example"] {
        for url in try FixtureFiles.files(in: folder) where url.pathExtension == "xml" {
            let bytes = Array(try Data(contentsOf: url))
            #expect(bounded.read(bytes) == unbounded.read(bytes), "\(folder)/\(url.lastPathComponent)")
        }
    }
}
