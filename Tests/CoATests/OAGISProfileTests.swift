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
        // The DUNS is the supplier's own identifier: the shipped profile leaves it to a supplier's copy.
        #expect(certificate.supplierId == nil)
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

    /// A supplier's copy of the profile that reads the DUNS and maps it to ours.
    private func supplierCopy(mapping: String) throws -> CoAProfile {
        let shipped = try Data(
            contentsOf: FixtureFiles.profilesDirectory.appendingPathComponent("oagis-batch-coa.json"))
        let json = String(decoding: shipped, as: UTF8.self)
            .replacingOccurrences(of: #""name": "oagis-batch-coa""#, with: #""name": "nordchem""#)
            .replacingOccurrences(of: #""namespaces""#, with: #""supplierIds": \#(mapping), "namespaces""#)
            .replacingOccurrences(
                of: #""document": {"#,
                with: #""document": { "supplierId": "$header/oa:SupplierParty/oa:PartyIDs/oa:ID","#)
        return try CoAProfile.load(data: Data(json.utf8), file: "nordchem.json")
    }

    @Test func aSupplierCopyMapsTheDUNSToOurSupplierIdAndTheDocumentResolves() throws {
        let reference = CoAReferenceData(
            supplierIds: ["SUP-0007"], materialIds: ["MAT-0042"],
            partNumbers: ["SUP-0007": ["ZN-200": "MAT-0042"]])
        let mapped = try CoAReader(profiles: [try supplierCopy(mapping: #"{"081466849": "SUP-0007"}"#)])
            .read(try FixtureFiles.bytes("oagis/sync-batch-coa.xml")).get()
        #expect(mapped.supplierId == "SUP-0007")
        guard
            case .resolved(let resolved) = CoAResolver(reference: reference).resolve(
                mapped, folder: "SUP-0007")
        else {
            Issue.record("a mapped DUNS should confirm the folder's supplier")
            return
        }
        #expect(resolved.materialId == "MAT-0042" && resolved.lotNumber == "NC-26-0117")
        // Unmapped, the DUNS is kept as written, and does not confirm the folder: rejected with both named.
        let unmapped = try CoAReader(profiles: [try supplierCopy(mapping: #"{"999": "SUP-0008"}"#)])
            .read(try FixtureFiles.bytes("oagis/sync-batch-coa.xml")).get()
        guard
            case .unresolved(let reason) = CoAResolver(reference: reference).resolve(
                unmapped, folder: "SUP-0007")
        else {
            Issue.record("an unmapped DUNS should not confirm the folder")
            return
        }
        #expect(reason == "document names supplier 081466849 but sits in the folder of SUP-0007")
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
