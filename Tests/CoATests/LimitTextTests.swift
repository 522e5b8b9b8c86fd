import Domain
import Foundation
import Testing

@testable import CoA

/// Limits written as text, value annotations and a profile's decimal convention, each from a file.
@Suite struct LimitTextTests {
    private func profile(_ extra: String = "", group: String = "") throws -> CoAProfile {
        try CoAProfile.load(data: Data(json(extra, group: group).utf8), file: "texts.json")
    }

    private func json(_ extra: String = "", group: String = "") -> String {
        """
        {"name": "texts", \(extra)"match": {"root": "Coa"}, "document": {"lotNumber": "/Coa/@lot", "lotQuantity": "/Coa/@qty"},
         "results": [{"select": "/Coa/R", "characteristic": "@n", "value": ".", "unit": "@u", "method": "@m",
                      "limits": "@spec", "upper": "@max"\(group)}]}
        """
    }

    private func spec(unit: String, lower: Double?, upper: Double?) -> Specification {
        Specification(
            materialId: "M", characteristic: "c", unit: unit, lowerLimit: lower, upperLimit: upper,
            validFrom: Day(year: 2020, month: 1, day: 1))
    }

    private func read(_ file: String, _ profile: CoAProfile) throws -> Certificate {
        try CoAReader(profiles: [profile]).read(FixtureFiles.bytes("limits/\(file).xml")).get()
    }

    @Test func everyWordingGivesItsLimitsAndExclusivity() throws {
        let certificate = try read("limits", try profile())
        func limits(_ name: String) -> String {
            guard let r = certificate.results.first(where: { $0.characteristic == name }) else {
                return "missing"
            }
            let lower = r.supplierLower.map { (r.supplierLowerExclusive ? ">" : "≥") + "\($0)" } ?? "-"
            let upper = r.supplierUpper.map { (r.supplierUpperExclusive ? "<" : "≤") + "\($0)" } ?? "-"
            return "\(lower) \(upper)" + (r.unit.map { " \($0)" } ?? "")
        }
        let expected: [(String, String)] = [
            ("nmt", "- ≤0.5"), ("not-more-than", "- ≤0.5 %"), ("le-comma", "- ≤0.5 %"), ("max", "- ≤0.5"),
            ("max-dot-after", "- ≤0.5"), ("lt", "- <0.5"), ("nlt", "≥98.0 -"), ("min-comma", "≥10.0 -"),
            ("ge", "≥10.0 -"), ("gt", ">10.0 -"), ("range-hyphen", "≥98.0 ≤101.0"),
            ("range-tight", "≥98.0 ≤101.0"), ("range-en-dash", "≥98.0 ≤101.0 %"),
            ("range-to", "≥98.0 ≤101.0"),
            ("range-between", "≥98.0 ≤101.0"), ("range-negative", "≥-5.0 ≤5.0"),
            ("both-words", "≥98.0 ≤101.0 %"), ("both-exclusive", ">0.2 <0.4"), ("bare", "- -"),
            ("words", "- -"), ("reversed", "- -"), ("other-unit", "- ≤0.0005 %"),
            ("incompatible-unit", "- - %"),
        ]
        for (name, limit) in expected {
            #expect(limits(name) == limit, "\(name)")
        }
        #expect(
            certificate.warnings.map(\.description) == [
                "results[0] 'bare'.limits: '0.5' is a number without a side: say NMT/NLT, ≤/≥, max/min or give a range; not used",
                "results[0] 'words'.limits: 'see monograph' is not a limit (a range or NMT/NLT/≤/≥/max/min with a number); not used",
                "results[0] 'reversed'.limits: '101 - 98' has its lower limit above the upper; not used",
                "results[0] 'incompatible-unit'.limits: '≤ 5 °C' are in °C, the result in % (temperature and mass fraction do not convert); not used",
            ])
    }

    @Test func annotationsAreMethodTextNotUnits() throws {
        let certificate = try read("annotations", try profile())
        let read = certificate.results.map { "\($0.reportedText) | \($0.method ?? "-")" }
        #expect(
            read == [
                "99.2 % | titration", "0.3 mg/kg | ICP-MS", "0,12 | Karl Fischer; coulometric",
                "5 ppm (m/m) | -",
                "<0.05 (LOQ) | -", "ND (<0.1) | -", "white powder, fine | -",
            ])
        let evaluator = ToleranceEvaluator()
        let assay = try #require(certificate.results.first)
        let spec = spec(unit: "%", lower: 98, upper: 101)
        #expect(evaluator.evaluate(assay, against: spec).verdict == .pass)
    }

    @Test func decimalPointConventionReadsCommasAsThousands() throws {
        let profile = try profile(#""decimalConvention": "decimalPoint", "#)
        let certificate = try read("decimal-point", profile)
        #expect(certificate.lotQuantity == 1250)
        #expect(certificate.results.first?.supplierUpper == 1500)
        let evaluator = ToleranceEvaluator().reading(certificate.options)
        let spec = spec(unit: "mPa·s", lower: 1000, upper: 1500)
        #expect(evaluator.evaluate(certificate.results[0], against: spec).verdict == .pass)
        #expect(evaluator.evaluate(certificate.results[1], against: spec).verdict == .notNumeric)
        // Automatic: `1,250` is 1.25, which fails a 1000–1500 mPa·s specification.
        let automatic = try read("decimal-point", try self.profile())
        #expect(
            ToleranceEvaluator().reading(automatic.options).evaluate(automatic.results[0], against: spec)
                .verdict == .fail)
    }

    @Test func assumeSpecUnitWhenMissingFalseIsHonoured() throws {
        let spec = spec(unit: "%", lower: nil, upper: 0.5)
        let strict = try read("decimal-point", try profile(#""assumeSpecUnitWhenMissing": false, "#))
        #expect(
            ToleranceEvaluator().reading(strict.options).evaluate(strict.results[2], against: spec).verdict
                == .unitMismatch)
        let lenient = try read("decimal-point", try profile())
        #expect(
            ToleranceEvaluator().reading(lenient.options).evaluate(lenient.results[2], against: spec).verdict
                == .pass)
    }

    @Test func anUnknownOptionValueIsAProfileError() {
        #expect(
            profileProblems(json(#""decimalConvention": "decimalpoint", "#)) == [
                "decimalConvention: unknown value 'decimalpoint'; did you mean 'decimalPoint'?"
            ])
        #expect(
            profileProblems(json(#""assumeSpecUnitWhenMissing": "no", "#)) == [
                "assumeSpecUnitWhenMissing: expected true or false, found a string"
            ])
    }

    @Test func anUnreadableLimitIsAWarning() throws {
        let bytes = Array(#"<Coa lot="1"><R n="a" max="0,5 abc">1</R><R n="b" max="-">1</R></Coa>"#.utf8)
        let certificate = try CoAReader(profiles: [try profile()]).read(bytes).get()
        #expect(
            certificate.warnings.map(\.description) == [
                "results[0] 'a'.upper: '0,5 abc' is not a number the scorecard judges; no upper limit read"
            ])
    }
}
