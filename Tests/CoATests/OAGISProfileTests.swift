import Domain
import Foundation
import Testing

@testable import CoA

/// The shipped OAGIS BatchCertificateOfAnalysis profile, on a BOD and on the bare noun.
@Suite struct OAGISProfileTests {
    private func reader() throws -> CoAReader {
        let library = try ProfileLibrary.load(folders: [FixtureFiles.profilesDirectory])
        #expect(library.unusable.isEmpty)
        return try CoAReader(profiles: library.profiles)
    }

    private func near(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= 1e-9 * max(1, abs(expected))
    }

    @Test func aSyncBODGivesItsHeaderAndTestResults() throws {
        let certificate = try reader().read(try FixtureFiles.bytes("oagis/sync-batch-coa.xml")).get()
        #expect(certificate.format == "oagis-batch-coa")
        #expect(certificate.supplierId == "081466849")
        #expect(certificate.supplierName == "Nordchem GmbH")
        #expect(certificate.partNumber == "ZN-200")
        #expect(certificate.materialName == "Zinc oxide, pharma grade")
        #expect(certificate.lotNumber == "NC-26-0117")
        #expect(certificate.manufactured == Day(year: 2026, month: 3, day: 2))
        #expect(certificate.expires == Day(year: 2028, month: 3, day: 1))
        #expect(certificate.lotQuantity == 1200)
        #expect(certificate.lotUnit == "kg")
        #expect(certificate.purchaseOrder == "PO-45012")
        #expect(certificate.issued == Day(year: 2026, month: 3, day: 4))
        #expect(certificate.approvedBy == "K. Mayer")
        #expect(certificate.warnings.isEmpty)
        #expect(certificate.results.map(\.characteristic) == ["assay", "lead", "moisture"])
        #expect(certificate.results.map(\.unit) == ["%", "ppm", "%"])
        #expect(certificate.results.map(\.reportedText) == ["99.6", "0.3", "0.12"])
        let assay = certificate.results[0]
        #expect(assay.supplierLower == 99.0 && assay.supplierUpper == 100.5)
        // The limit is stated in % (P1), the value in ppm (59): converted, 0.0001 % = 1 ppm.
        #expect(certificate.results[1].supplierLower == nil)
        #expect(near(certificate.results[1].supplierUpper, 1))
        #expect(certificate.results[2].supplierLower == 0 && certificate.results[2].supplierUpper == 0.5)
    }

    @Test func theBareNounIsReadAndAnUnconvertibleLimitIsAWarning() throws {
        let certificate = try reader().read(try FixtureFiles.bytes("oagis/batch-coa-noun.xml")).get()
        #expect(certificate.format == "oagis-batch-coa")
        #expect(certificate.lotNumber == "NC-26-0188")
        #expect(certificate.issued == Day(year: 2026, month: 4, day: 10))
        #expect(certificate.results.first?.supplierLower == nil)
        #expect(
            certificate.warnings.map(\.description) == [
                "results[0] 'Assay'.limitUnit: '99.0 – - CEL' limits in CEL, the result in % (temperature and mass fraction do not convert); not used"
            ])
    }

    @Test func aSupplierCopyMapsTheDUNSToOurSupplierId() throws {
        let shipped = try Data(
            contentsOf: FixtureFiles.profilesDirectory.appendingPathComponent("oagis-batch-coa.json"))
        guard var json = String(data: shipped, encoding: .utf8) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        json = json.replacingOccurrences(
            of: #""namespaces""#, with: #""supplierIds": {"081466849": "SUP-0007"}, "namespaces""#)
        let profile = try CoAProfile.load(data: Data(json.utf8), file: "nordchem.json")
        let certificate = try CoAReader(profiles: [profile]).read(
            try FixtureFiles.bytes("oagis/batch-coa-noun.xml")
        ).get()
        #expect(certificate.supplierId == "SUP-0007")
    }

    @Test func aBODWithTwoCertificatesIsNotReadByHalf() throws {
        let text = String(decoding: try FixtureFiles.bytes("oagis/sync-batch-coa.xml"), as: UTF8.self)
        guard let start = text.range(of: "<BatchCertificateOfAnalysis>"),
            let end = text.range(of: "</BatchCertificateOfAnalysis>")
        else { throw CocoaError(.fileReadCorruptFile) }
        let noun = text[start.lowerBound..<end.upperBound]
        let twice = text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: noun + noun)
        #expect(throws: CoARejection.self) { try reader().read(Array(twice.utf8)).get() }
    }
}
