import Domain
import Foundation
import Testing

@testable import CoA

private func reader() throws -> CoAReader {
    try CoAReader(profiles: CoAProfile.loadAll(in: FixtureFiles.profilesDirectory))
}

private func near(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) < 1e-9
}

@Test func allInOneRelativeLimitsAndToleranceValue() throws {
    let certificate = try reader().read(try FixtureFiles.bytes("qif/All-in-one.QIF")).get()
    #expect(certificate.format == "qif3")
    // Two measured parts, two characteristics each.
    #expect(
        certificate.results.map(\.characteristic) == [
            "SphericalDiameter1", "Sphericity1", "SphericalDiameter1", "Sphericity1",
        ])
    #expect(
        certificate.results.map(\.reportedText) == [
            "25.008279671621001", "0.251457258827", "25.680053102205999", "0.051042207099",
        ])
    let diameter = certificate.results[0]
    // 25.4 ± 0.25, relative to the nominal (DefinedAsLimit=false).
    #expect(near(diameter.supplierLower, 25.15))
    #expect(near(diameter.supplierUpper, 25.65))
    let sphericity = certificate.results[1]
    #expect(sphericity.supplierLower == nil)
    #expect(sphericity.supplierUpper == 0.05)
    #expect(certificate.results[0].unit == nil)
    #expect(certificate.lotNumber == nil)
}

@Test func resultsSampleJoinsByIdAndMixesAbsoluteAndRelative() throws {
    let certificate = try reader().read(try FixtureFiles.bytes("qif/QIF_Results_Sample.QIF")).get()
    #expect(certificate.supplierId == "North_Fab")
    #expect(certificate.supplierName == "Origin International")
    #expect(certificate.purchaseOrder == "PO123456")
    #expect(certificate.partNumber == "QM_X_123456")
    #expect(certificate.issued == Day(year: 2015, month: 10, day: 23))
    #expect(certificate.approvedBy == "John Doe")
    let results = certificate.results
    #expect(results.count == 13)
    #expect(
        results.map(\.characteristic) == [
            "5", "5", "1", "2", "3", "4", "4", "6", "7", "8", "9", "-NONE-", "DIST1",
        ])
    #expect(results.allSatisfy { $0.unit == "mm" })
    func limits(_ index: Int) -> (Double?, Double?) {
        (results[index].supplierLower, results[index].supplierUpper)
    }
    // Uniform profile zone of 4: ±2.
    #expect(limits(0) == (-2, 2))
    // Basic dimension (NonTolerance MEASURED): no limits.
    #expect(limits(2) == (nil, nil))
    // 774.26989746093795 ± 0.2, relative.
    #expect(near(results[3].supplierLower, 774.26989746093795 - 0.2))
    #expect(near(results[3].supplierUpper, 774.26989746093795 + 0.2))
    // Absolute limits (DefinedAsLimit=true), nominal without TargetValue.
    #expect(limits(4) == (944.80274658203098, 945.20274658203107))
    // Offset profile zone 1.5 with OuterDisposition 1: -0.5 to +1.
    #expect(limits(5) == (-0.5, 1))
    #expect(results[5].reportedText == "-0.886195693015347")
    // Diameter 10 ± 0.4 relative; 9.499476 is below.
    #expect(near(results[7].supplierLower, 9.6) && near(results[7].supplierUpper, 10.4))
    // Position: tolerance value as upper limit.
    #expect(limits(8) == (nil, 1))
    #expect(limits(9) == (9.6, 10.4))
    #expect(limits(11) == (nil, nil))
    #expect(near(results[12].supplierLower, 81.208839738425993 - 0.5))
    #expect(near(results[12].supplierUpper, 81.208839738425993 + 0.5))
}

@Test func resultsWithoutCharacteristicsAreRejected() throws {
    let result = try reader().read(
        try FixtureFiles.bytes("qif/mitutoyo_results_serialized_pass_fail_sample.QIF"))
    #expect(result == .failure(CoARejection(reason: "the document contains no results (format qif3)")))
}

@Test func profileChosenByNameOverridesMatching() throws {
    // The EN 10168 profile on a QIF document selects nothing: no results.
    let result = try reader().read(try FixtureFiles.bytes("qif/All-in-one.QIF"), profileName: "en10168")
    #expect(result == .failure(CoARejection(reason: "the document contains no results (format en10168)")))
}
