import Foundation
import Testing

@testable import CoA

/// `limitUnit`: a supplier's limits in a unit other than the value's are converted with the unit table;
/// a unit that cannot be converted is a warning and the limits are not used.
@Suite struct LimitUnitTests {
    private let json = """
        {"name": "units", "match": {"root": "Coa"}, "document": {"lotNumber": "/Coa/@lot"},
         "results": [{"select": "/Coa/R", "characteristic": "@n", "value": ".", "unit": "@u",
                      "lower": "@min", "upper": "@max", "limits": "@spec", "limitUnit": "@lu"}]}
        """

    @Test func limitsAreConvertedToTheResultsUnit() throws {
        let profile = try CoAProfile.load(data: Data(json.utf8), file: "units.json")
        let certificate = try CoAReader(profiles: [profile]).read(
            FixtureFiles.bytes("limits/limit-units.xml")
        )
        .get()
        func result(_ name: String) -> ReportedResult? {
            certificate.results.first { $0.characteristic == name }
        }
        func near(_ value: Double?, _ expected: Double) -> Bool {
            guard let value else { return false }
            return abs(value - expected) <= 1e-9 * max(1, abs(expected))
        }
        #expect(near(result("lead")?.supplierUpper, 2))
        #expect(near(result("moisture")?.supplierUpper, 0.5))
        #expect(near(result("temperature")?.supplierLower, 0))
        #expect(near(result("temperature")?.supplierUpper, 100))
        #expect(near(result("text-without-unit")?.supplierUpper, 2))
        #expect(near(result("text-with-own-unit")?.supplierUpper, 0.5))
        for name in ["incompatible", "unknown-unit"] {
            #expect(result(name)?.supplierUpper == nil, "\(name)")
        }
        #expect(result("no-result-unit")?.unit == "%")
        #expect(result("no-result-unit")?.supplierUpper == 5)
        #expect(
            certificate.warnings.map(\.description) == [
                "results[0] 'incompatible'.limitUnit: '- – 5.0 °C' limits in °C, the result in % (temperature and mass fraction do not convert); not used",
                "results[0] 'unknown-unit'.limitUnit: '- – 5.0 furlongs' limits in furlongs, the result in % (unit 'furlongs' is not in the unit table); not used",
            ])
    }

    @Test func aLimitUnitIsCheckedWhenLoaded() {
        let misspelt = json.replacingOccurrences(of: "limitUnit", with: "limitsUnit")
        #expect(
            profileProblems(misspelt) == ["results[0].limitsUnit: unknown key; did you mean 'limitUnit'?"])
        let number = json.replacingOccurrences(of: #""limitUnit": "@lu""#, with: #""limitUnit": 5"#)
        #expect(
            profileProblems(number) == [
                "results[0].limitUnit: expected an XPath string or an array of them, found a number"
            ])
    }
}
