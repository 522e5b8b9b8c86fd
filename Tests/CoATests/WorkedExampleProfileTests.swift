import Domain
import Foundation
import Testing

@testable import CoA

/// The worked example of profiles/README.md, exactly as printed there.
@Test func readmeWorkedExampleReadsAsDocumented() throws {
    let profile = try CoAProfile.load(contentsOf: FixtureFiles.url("worked-example/acme-labs.json"))
    let reader = try CoAReader(profiles: [profile])
    let certificate = try reader.read(try FixtureFiles.bytes("worked-example/acme-coa.xml")).get()
    #expect(
        certificate
            == Certificate(
                format: "acme-labs", supplierName: "Acme Labs", partNumber: "ZN-200", lotNumber: "A-2291",
                manufactured: Day(year: 2026, month: 3, day: 2), expires: Day(year: 2028, month: 3, day: 1),
                purchaseOrder: "PO-45012",
                issued: Day(year: 2026, month: 3, day: 4), approvedBy: "K. Mayer",
                results: [
                    ReportedResult(
                        characteristic: "moisture", reportedCharacteristic: "Moisture (KF)", unit: "%",
                        reportedText: "0,12", supplierUpper: 0.5),
                    ReportedResult(
                        characteristic: "assay", reportedCharacteristic: "Gehalt", unit: "%",
                        reportedText: "99,6",
                        supplierLower: 99.0, supplierUpper: 100.5),
                    ReportedResult(
                        characteristic: "lead", reportedCharacteristic: "Blei (ICP-MS)", unit: "mg/kg",
                        reportedText: "0,3", supplierUpper: 1.0),
                    ReportedResult(
                        characteristic: "loss_on_drying", reportedCharacteristic: "Trocknungsverlust",
                        unit: "%",
                        reportedText: "0,2", supplierUpper: 0.5),
                    ReportedResult(
                        characteristic: "appearance", reportedCharacteristic: "Aussehen",
                        reportedText: "entspricht"),
                ]))
}

@Test func readmeExampleIsTheSameTextAsTheFixture() throws {
    let readme = try String(
        contentsOf: FixtureFiles.profilesDirectory.appendingPathComponent("README.md"), encoding: .utf8)
    let profile = try String(contentsOf: FixtureFiles.url("worked-example/acme-labs.json"), encoding: .utf8)
    let document = try String(contentsOf: FixtureFiles.url("worked-example/acme-coa.xml"), encoding: .utf8)
    #expect(readme.contains(profile))
    #expect(readme.contains(document))
}
