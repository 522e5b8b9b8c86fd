import Dispatch
import Domain
import Foundation
import Testing

@testable import CoA

@Test func readsTheIssueExample() throws {
    let reader = try CoAReader()
    let certificate = try reader.read(try FixtureFiles.bytes("canonical/example.xml")).get()
    #expect(certificate.format == "canonical")
    #expect(certificate.supplierId == "SUP-0007")
    #expect(certificate.supplierName == "Acme Chemicals GmbH")
    #expect(certificate.materialId == "MAT-0042")
    #expect(certificate.partNumber == "ZN-200")
    #expect(certificate.materialName == "Zinc oxide USP")
    #expect(certificate.lotNumber == "L24-0193")
    #expect(certificate.manufactured == Day(year: 2026, month: 3, day: 2))
    #expect(certificate.expires == Day(year: 2028, month: 3, day: 1))
    #expect(certificate.lotQuantity == 1200)
    #expect(certificate.lotUnit == "kg")
    #expect(certificate.purchaseOrder == "PO-45012")
    #expect(certificate.issued == Day(year: 2026, month: 3, day: 4))
    #expect(certificate.approvedBy == "J. Weber")
    #expect(certificate.approvedOn == Day(year: 2026, month: 3, day: 4))
    #expect(
        certificate.results == [
            ReportedResult(
                characteristic: "assay", unit: "%", method: "USP 591", reportedText: "99.62",
                supplierLower: 99.0,
                supplierUpper: 100.5),
            ReportedResult(characteristic: "lead", unit: "mg/kg", reportedText: "<1.0"),
            ReportedResult(characteristic: "appearance", reportedText: "conforms"),
        ])
}

@Test func extensionsInOtherNamespacesAreAllowedAndIgnored() throws {
    let certificate = try CoAReader().read(try FixtureFiles.bytes("canonical/extended.xml")).get()
    #expect(certificate.materialId == nil)
    #expect(certificate.lotQuantity == 1200.5)
    #expect(certificate.approvedBy == nil)
    #expect(certificate.results.count == 1)
    #expect(certificate.results.first?.reportedText == "0,12")
    #expect(certificate.results.first?.supplierUpper == 0.5)
    #expect(certificate.results.first?.supplierLower == nil)
}

@Test func quantityThatIsNotAnXSDDecimalIsInvalid() throws {
    var text = String(decoding: try FixtureFiles.bytes("canonical/extended.xml"), as: UTF8.self)
    text = text.replacingOccurrences(of: #"quantity="1200.5""#, with: #"quantity="many""#)
    let result = try CoAReader().read(Array(text.utf8))
    guard case .failure(let rejection) = result else {
        Issue.record("accepted an invalid quantity")
        return
    }
    #expect(rejection.reason.contains("quantity"))
    #expect(rejection.line == 5)
}

@Test func invalidCanonicalIsRejectedWithLine() throws {
    let result = try CoAReader().read(try FixtureFiles.bytes("canonical/invalid-value-missing.xml"))
    guard case .failure(let rejection) = result else {
        Issue.record("accepted a result without a value")
        return
    }
    #expect(rejection.reason.hasPrefix("not valid against coa-1.xsd"))
    #expect(rejection.line == 9)
    #expect(rejection.description.contains("line 9"))
}

@Test func emptyResultsAreInvalid() throws {
    let text = """
        <CertificateOfAnalysis xmlns="urn:supplier-scorecard:coa:1"><Supplier id="S"/><Material/>
        <Lot number="L" manufactured="2026-01-01"/><Issued>2026-01-02</Issued><Results/></CertificateOfAnalysis>
        """
    guard case .failure(let rejection) = try CoAReader().read(Array(text.utf8)) else {
        Issue.record("accepted a certificate without results")
        return
    }
    #expect(rejection.line == 2)
}

@Test func unknownFormatIsRejected() throws {
    let result = try CoAReader().read(Array("<Invoice xmlns=\"urn:x\"><Total>3</Total></Invoice>".utf8))
    #expect(
        result
            == .failure(
                CoARejection(
                    reason:
                        "unknown format: root element {urn:x}Invoice is not canonical and matches no profile",
                    line: 1)))
}

@Test func configuredProfileMustBeLoaded() throws {
    let result = try CoAReader().read(try FixtureFiles.bytes("canonical/example.xml"), profileName: "acme")
    #expect(result == .failure(CoARejection(reason: "profile 'acme' is configured but not loaded")))
}

/// Test fixtures (copied into the test bundle) and the repository's shipped profiles.
enum FixtureFiles {
    static func url(_ path: String) throws -> URL {
        let base = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return base.appendingPathComponent(path)
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: try url(path)))
    }

    /// Every file under a fixture folder, sorted by name.
    static func files(in folder: String) throws -> [URL] {
        let directory = try url(folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            .map { directory.appendingPathComponent($0) }
    }

    /// The repository's top-level profiles/ folder.
    static var profilesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("profiles")
    }
}

/// The canonical format written as a profile gives the same certificates as the tree-walking reader:
/// a cross-check of both, and proof that the profile language covers the canonical format.
@Test func canonicalAsAProfileAgreesWithTheCanonicalReader() throws {
    let profile = try CoAProfile.load(contentsOf: FixtureFiles.url("canonical/canonical-profile.json"))
    let reader = try CoAReader(profiles: [profile])
    for name in ["example.xml", "extended.xml"] {
        let bytes = try FixtureFiles.bytes("canonical/\(name)")
        let direct = try reader.read(bytes).get()
        let throughProfile = try reader.read(bytes, profileName: "canonical").get()
        #expect(direct == throughProfile, "\(name)")
    }
}

/// One reader (one compiled schema) used from all cores: each validation reports its own document's errors.
@Test func readsAndValidatesInParallel() throws {
    let reader = try CoAReader()
    let good = try FixtureFiles.bytes("canonical/example.xml")
    let bad = try FixtureFiles.bytes("canonical/invalid-value-missing.xml")
    let outcomes = ParallelOutcomes(count: 200)
    DispatchQueue.concurrentPerform(iterations: 200) { index in
        switch reader.read(index.isMultiple(of: 2) ? good : bad) {
        case .success(let certificate): outcomes.set(index, certificate.lotNumber ?? "?")
        case .failure(let rejection): outcomes.set(index, "line \(rejection.line ?? 0)")
        }
    }
    #expect(outcomes.values == (0..<200).map { $0.isMultiple(of: 2) ? "L24-0193" : "line 9" })
}

private final class ParallelOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [String]
    init(count: Int) { values = Array(repeating: "", count: count) }
    func set(_ index: Int, _ value: String) { lock.withLock { values[index] = value } }
}
