import Domain
import Foundation
import Testing

@testable import CoA

private func reader() throws -> CoAReader {
    try CoAReader(profiles: CoAProfile.loadAll(in: FixtureFiles.profilesDirectory))
}

@Test func millCertificate3ChemistryWithOperatorsAndLimits() throws {
    let certificate = try reader().read(try FixtureFiles.bytes("en10168/valid_certificate_3.xml")).get()
    #expect(certificate.format == "en10168")
    #expect(certificate.supplierName == "Steel Mill SE")
    #expect(certificate.supplierId == nil)
    #expect(certificate.partNumber == "SST 200x150x6")
    #expect(certificate.materialName == "Seamleass Steel Tubes Hot Roild")
    #expect(certificate.lotNumber == "7282841")
    #expect(certificate.lotQuantity == 5739)
    #expect(certificate.lotUnit == "kg")
    #expect(certificate.purchaseOrder == "0334/2019/ZZS")
    #expect(certificate.issued == Day(year: 2018, month: 10, day: 23))
    #expect(certificate.approvedBy == "John D. Keller")
    #expect(certificate.results.count == 25)

    let byName = Dictionary(grouping: certificate.results, by: \.characteristic)
    // C86: exclusive operators on both limits.
    #expect(
        byName["boron"] == [
            ReportedResult(
                characteristic: "boron", reportedCharacteristic: "B", unit: "%", reportedText: "0.300",
                supplierLower: 0.2, supplierUpper: 0.4, supplierLowerExclusive: true,
                supplierUpperExclusive: true)
        ])
    // C92: inclusive operators; the stray text "Unit" is not a unit.
    #expect(
        byName["carbon_equivalent"] == [
            ReportedResult(
                characteristic: "carbon_equivalent", reportedCharacteristic: "CEV", reportedText: "0.327",
                supplierLower: 0.2, supplierUpper: 0.4)
        ])
    // Actual operators become qualifiers; "=" is no qualifier; no limits stated, none recorded.
    #expect(byName["nickel"]?.first?.reportedText == "≤0.009")
    #expect(byName["molybdenum"]?.first?.reportedText == "<0.002")
    #expect(byName["copper"]?.first?.reportedText == "0.010")
    #expect(byName["vanadium"]?.first?.reportedText == "≥0.002")
    #expect(byName["titanium"]?.first?.reportedText == ">0.001")
    #expect(
        byName["carbon"]?.first
            == ReportedResult(
                characteristic: "carbon", reportedCharacteristic: "C", unit: "%", reportedText: "0.150"))
    #expect(byName["nitrogen"]?.first?.reportedText == "0.047")
    // Impact test: three single values without limits, the mean with its limits.
    #expect(byName["impact_energy"]?.map(\.reportedText) == ["71", "84", "85"])
    #expect(byName["impact_energy"]?.allSatisfy { $0.unit == "J" && $0.supplierLower == nil } == true)
    #expect(
        byName["impact_energy_mean"] == [
            ReportedResult(
                characteristic: "impact_energy_mean", reportedCharacteristic: "C43", unit: "J",
                reportedText: "80",
                supplierLower: 78, supplierUpper: 90)
        ])
    #expect(byName["hardness"]?.map(\.reportedText) == ["71.2", "84.2", "85.2"])
    #expect(byName["hardness_mean"]?.first?.supplierLower == 78.5)
    #expect(byName["hardness_mean"]?.first?.supplierUpper == 90.6)
    #expect(byName["flattening_test"]?.first?.reportedText == "satisfactory")
    #expect(byName["ring_expanding_test"]?.first?.unit == nil)
}

@Test func millCertificate7TensileHardnessImpact() throws {
    let certificate = try reader().read(try FixtureFiles.bytes("en10168/valid_certificate_7.xml")).get()
    #expect(certificate.results.count == 20)
    #expect(certificate.lotQuantity == 5739.3)
    let names = certificate.results.map(\.characteristic)
    #expect(
        names == [
            "carbon", "silicon", "manganese", "phosphorus", "sulfur", "aluminium", "chromium", "nickel",
            "molybdenum", "yield_strength", "tensile_strength", "elongation", "hardness", "hardness",
            "hardness",
            "hardness_mean", "impact_energy", "impact_energy", "impact_energy", "impact_energy_mean",
        ])
    let yield = try #require(certificate.results.first { $0.characteristic == "yield_strength" })
    #expect(yield.reportedCharacteristic == "Streckgrenze ReH/RP0,2")
    #expect(yield.reportedText == "377.12")
    #expect(yield.unit == "MPa")
    #expect(certificate.results.first { $0.characteristic == "elongation" }?.unit == "%")
    // The test-piece width (C41, 5 mm) is not a result.
    #expect(!certificate.results.contains { $0.reportedText == "5" })
    let mean = try #require(certificate.results.last)
    #expect(mean.supplierLower == 78.5 && mean.supplierUpper == 90.6 && mean.reportedText == "80.3")
}
