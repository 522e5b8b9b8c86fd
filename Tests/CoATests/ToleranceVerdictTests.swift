import CoA
import Domain
import Testing

/// Specifications the verdict tables use.
enum Specs {
    static let day = Day(year: 2026, month: 3, day: 1)

    static func make(_ lower: Double?, _ upper: Double?, _ unit: String, target: Double? = nil) -> Specification {
        Specification(
            materialId: "MAT-0042", characteristic: "c", unit: unit, lowerLimit: lower, upperLimit: upper,
            target: target, validFrom: day)
    }

    /// Assay 99.0–100.5 %: edge bands 99.0–99.15 and 100.35–100.5.
    static let assay = make(99.0, 100.5, "%")
    /// Lead ≤ 1.0 mg/kg, no target: edge band 0.9–1.0.
    static let lead = make(nil, 1.0, "mg/kg")
    /// Lead 0–10 mg/kg (impurity written with a lower limit of zero).
    static let leadRange = make(0, 10, "mg/kg")
    /// Zinc 1–10 mg/kg.
    static let zinc = make(1, 10, "mg/kg")
    /// Assay ≥ 99.0 %, no target: edge band 99.0–108.9 (10 % of the limit value).
    static let assayMin = make(99.0, nil, "%")
    /// Assay ≥ 99.0 %, target 100: edge band 99.0–99.1.
    static let assayMinTarget = make(99.0, nil, "%", target: 100)
    /// Moisture ≤ 0.5 %, target 0.2: edge band 0.47–0.5.
    static let moisture = make(nil, 0.5, "%", target: 0.2)
    /// Pour point ≤ −20 °C: edge band −22 to −20.
    static let pourPoint = make(nil, -20, "°C")
    /// Storage temperature 20–25 °C.
    static let storage = make(20, 25, "°C")
    /// Viscosity 1000–1500 mPa·s.
    static let viscosity = make(1000, 1500, "mPa·s")
}

struct VerdictCase: Sendable, CustomTestStringConvertible {
    let text: String
    let unit: String?
    let spec: Specification?
    let verdict: Verdict
    let position: Double?

    init(_ text: String, _ unit: String?, _ spec: Specification?, _ verdict: Verdict, position: Double? = nil) {
        self.text = text
        self.unit = unit
        self.spec = spec
        self.verdict = verdict
        self.position = position
    }

    var testDescription: String {
        let limits = spec.map { "[\($0.lowerLimit.map { "\($0)" } ?? "–"), \($0.upperLimit.map { "\($0)" } ?? "–")]" }
        return "\"\(text)\" \(unit ?? "(no unit)") against \(limits ?? "no spec") \(spec?.unit ?? "")"
    }

    func evaluate(_ evaluator: ToleranceEvaluator = ToleranceEvaluator()) -> Evaluation {
        evaluator.evaluate(ReportedResult(characteristic: "c", unit: unit, reportedText: text), against: spec)
    }
}

@Suite struct ToleranceVerdictTests {
    static let twoSided: [VerdictCase] = [
        VerdictCase("99.62", "%", Specs.assay, .pass, position: 0.62 / 1.5),
        VerdictCase("99,62", "%", Specs.assay, .pass, position: 0.62 / 1.5),
        VerdictCase("99.0", "%", Specs.assay, .edge, position: 0),
        VerdictCase("100.5", "%", Specs.assay, .edge, position: 1),
        VerdictCase("99.15", "%", Specs.assay, .edge, position: 0.1),
        VerdictCase("99.16", "%", Specs.assay, .pass, position: 0.16 / 1.5),
        VerdictCase("100.35", "%", Specs.assay, .edge, position: 0.9),
        VerdictCase("100.34", "%", Specs.assay, .pass, position: 1.34 / 1.5),
        VerdictCase("98.99", "%", Specs.assay, .fail, position: -0.01 / 1.5),
        VerdictCase("100.8", "%", Specs.assay, .fail, position: 1.2),
        // A lone separator is the decimal mark: both read 1.25 (a profile can say otherwise).
        VerdictCase("1.250", "cP", Specs.viscosity, .fail, position: (1.25 - 1000) / 500),
        VerdictCase("1,250", "cP", Specs.viscosity, .fail, position: (1.25 - 1000) / 500),
        VerdictCase("1.250,0", "cP", Specs.viscosity, .pass, position: 0.5),
        VerdictCase("1 250", "cP", Specs.viscosity, .pass, position: 0.5),
        VerdictCase("1.45 Pa·s", nil, Specs.viscosity, .edge, position: 0.9),
        VerdictCase("77", "°F", Specs.storage, .edge, position: 1),
        VerdictCase("71.6", "°F", Specs.storage, .pass, position: 0.4),
        VerdictCase("298.15", "K", Specs.storage, .edge, position: 1),
        VerdictCase("ND", "mg/kg", Specs.leadRange, .pass),
        // A lower limit of 0 on a content has no edge band; the upper band is 9–10.
        VerdictCase("0", "mg/kg", Specs.leadRange, .pass, position: 0),
        VerdictCase("0.3", "mg/kg", Specs.leadRange, .pass, position: 0.03),
        VerdictCase("9", "mg/kg", Specs.leadRange, .edge, position: 0.9),
        VerdictCase("0", "°C", Specs.make(0, 10, "°C"), .edge, position: 0),
        VerdictCase("1", "°C", Specs.make(0, 10, "°C"), .edge, position: 0.1),
        VerdictCase("1.1", "°C", Specs.make(0, 10, "°C"), .pass, position: 0.11),
        VerdictCase("<0.5", "mg/kg", Specs.leadRange, .pass, position: 0.05),
        VerdictCase("<0.5", "mg/kg", Specs.zinc, .fail, position: -0.5 / 9),
        VerdictCase("<1", "mg/kg", Specs.zinc, .fail, position: 0),
        VerdictCase("<=1", "mg/kg", Specs.zinc, .inconclusive, position: 0),
        VerdictCase("<2", "mg/kg", Specs.zinc, .inconclusive, position: 1.0 / 9),
        VerdictCase("ND", "mg/kg", Specs.zinc, .fail),
        VerdictCase(">5", "mg/kg", Specs.zinc, .inconclusive, position: 4.0 / 9),
        VerdictCase(">11", "mg/kg", Specs.zinc, .fail, position: 10.0 / 9),
        VerdictCase(">10", "mg/kg", Specs.zinc, .fail, position: 1),
        VerdictCase(">=10", "mg/kg", Specs.zinc, .inconclusive, position: 1),
        VerdictCase("<12", "mg/kg", Specs.leadRange, .inconclusive, position: 1.2),
        VerdictCase("0.0005", "%", Specs.leadRange, .pass, position: 0.5),
        VerdictCase("0.00105", "%", Specs.leadRange, .fail, position: 1.05),
        VerdictCase("-0.5", "mg/kg", Specs.leadRange, .fail, position: -0.05),
    ]

    static let upperOnly: [VerdictCase] = [
        VerdictCase("0.5", "mg/kg", Specs.lead, .pass),
        VerdictCase("0.89", "mg/kg", Specs.lead, .pass),
        VerdictCase("0.9", "mg/kg", Specs.lead, .edge),
        VerdictCase("0.95", "mg/kg", Specs.lead, .edge),
        VerdictCase("1.0", "mg/kg", Specs.lead, .edge),
        VerdictCase("1.01", "mg/kg", Specs.lead, .fail),
        VerdictCase("-0.1", "mg/kg", Specs.lead, .pass),
        VerdictCase("<0.5", "mg/kg", Specs.lead, .pass),
        VerdictCase("<0.05", "mg/kg", Specs.lead, .pass),
        VerdictCase("<1.0", "mg/kg", Specs.lead, .edge),
        VerdictCase("≤1.0", "mg/kg", Specs.lead, .edge),
        VerdictCase("<0.95", "mg/kg", Specs.lead, .edge),
        VerdictCase("&lt;2", "mg/kg", Specs.lead, .inconclusive),
        VerdictCase(">1.0", "mg/kg", Specs.lead, .fail),
        VerdictCase(">=1.0", "mg/kg", Specs.lead, .inconclusive),
        VerdictCase(">0.5", "mg/kg", Specs.lead, .inconclusive),
        VerdictCase("ND", "mg/kg", Specs.lead, .pass),
        VerdictCase("n.d.", nil, Specs.lead, .pass),
        VerdictCase("ND (<0.5)", "mg/kg", Specs.lead, .pass),
        VerdictCase("ND (<2)", "mg/kg", Specs.lead, .inconclusive),
        VerdictCase("0.95", "ppm", Specs.lead, .edge),
        VerdictCase("950", "ppb", Specs.lead, .edge),
        VerdictCase("0.5", "µg/g", Specs.lead, .pass),
        VerdictCase("0.5", "\u{03BC}g/g", Specs.lead, .pass),
        VerdictCase("0.0001", "%", Specs.lead, .edge),
        VerdictCase("0.00011", "%", Specs.lead, .fail),
        VerdictCase("0.47", "%", Specs.moisture, .edge),
        VerdictCase("0.46", "%", Specs.moisture, .pass),
        VerdictCase("0.5", "%", Specs.moisture, .edge),
        VerdictCase("-21", "°C", Specs.pourPoint, .edge),
        VerdictCase("-22", "°C", Specs.pourPoint, .edge),
        VerdictCase("-25", "°C", Specs.pourPoint, .pass),
        VerdictCase("-19", "°C", Specs.pourPoint, .fail),
        VerdictCase("-4", "°F", Specs.pourPoint, .edge),
        VerdictCase("-13", "°F", Specs.pourPoint, .pass),
        VerdictCase("<-30", "°C", Specs.pourPoint, .pass),
        VerdictCase("<-10", "°C", Specs.pourPoint, .inconclusive),
        VerdictCase("<5", "°C", Specs.pourPoint, .inconclusive),
        VerdictCase("ND", "°C", Specs.pourPoint, .inconclusive),
    ]

    static let lowerOnly: [VerdictCase] = [
        VerdictCase("99.5", "%", Specs.assayMin, .edge),
        VerdictCase("108.9", "%", Specs.assayMin, .edge),
        VerdictCase("109", "%", Specs.assayMin, .pass),
        VerdictCase("99.1", "%", Specs.assayMinTarget, .edge),
        VerdictCase("99.05", "%", Specs.assayMinTarget, .edge),
        VerdictCase("99.11", "%", Specs.assayMinTarget, .pass),
        VerdictCase("98.9", "%", Specs.assayMinTarget, .fail),
        VerdictCase(">99", "%", Specs.assayMinTarget, .edge),
        VerdictCase(">99.5", "%", Specs.assayMinTarget, .pass),
        VerdictCase("≥99.5", "%", Specs.assayMinTarget, .pass),
        VerdictCase(">98", "%", Specs.assayMinTarget, .inconclusive),
        VerdictCase("<99.5", "%", Specs.assayMinTarget, .inconclusive),
        VerdictCase("<99", "%", Specs.assayMinTarget, .fail),
        VerdictCase("≤99", "%", Specs.assayMinTarget, .inconclusive),
        VerdictCase("ND", "%", Specs.assayMinTarget, .fail),
        VerdictCase("995000", "ppm", Specs.assayMinTarget, .pass),
    ]

    static let notJudged: [VerdictCase] = [
        VerdictCase("99.62", "%", nil, .noSpec),
        VerdictCase("conforms", nil, nil, .noSpec),
        VerdictCase("99.62", "%", Specs.make(nil, nil, "%"), .noSpec),
        VerdictCase("99.62", "%", Specs.make(101, 99, "%"), .inconclusive),
        VerdictCase("99.62", "%", Specs.make(.nan, 100, "%"), .inconclusive),
        VerdictCase("conforms", "%", Specs.assay, .notNumeric),
        VerdictCase("Complies", nil, Specs.assay, .notNumeric),
        VerdictCase("fails", "%", Specs.assay, .notNumeric),
        VerdictCase("white powder", "%", Specs.assay, .notNumeric),
        VerdictCase("NaN", "%", Specs.assay, .notNumeric),
        VerdictCase("inf", "%", Specs.assay, .notNumeric),
        VerdictCase("1e999", "%", Specs.assay, .notNumeric),
        VerdictCase("", "%", Specs.assay, .notNumeric),
        VerdictCase("   ", "%", Specs.assay, .notNumeric),
        VerdictCase("1.2.3", "%", Specs.assay, .notNumeric),
        VerdictCase("99.5", "cP", Specs.assay, .unitMismatch),
        VerdictCase("99.5", "% v/v", Specs.assay, .unitMismatch),
        VerdictCase("99.5", "furlong", Specs.assay, .unitMismatch),
        VerdictCase("99.5", "%", Specs.make(99, 100.5, "widgets"), .unitMismatch),
        VerdictCase("0.5 %", "mg/kg", Specs.lead, .unitMismatch),
        VerdictCase("<0.5", "mg/L", Specs.lead, .unitMismatch),
        VerdictCase("ND", "cP", Specs.lead, .unitMismatch),
    ]

    @Test(arguments: twoSided) func twoSidedLimits(_ example: VerdictCase) { check(example) }
    @Test(arguments: upperOnly) func upperLimitOnly(_ example: VerdictCase) { check(example) }
    @Test(arguments: lowerOnly) func lowerLimitOnly(_ example: VerdictCase) { check(example) }
    @Test(arguments: notJudged) func noNumericJudgement(_ example: VerdictCase) { check(example) }

    private func check(_ example: VerdictCase) {
        let evaluation = example.evaluate()
        #expect(evaluation.verdict == example.verdict)
        if let expected = example.position {
            let position = evaluation.bandPosition ?? .nan
            #expect(abs(position - expected) < 1e-9, "band position \(position), expected \(expected)")
        } else {
            #expect(evaluation.bandPosition == nil)
        }
        if evaluation.verdict != .pass {
            #expect(!(evaluation.note ?? "").isEmpty, "a non-pass verdict needs a reason")
        }
    }

    @Test func profileConventionDecidesAmbiguousThousands() {
        let evaluator = ToleranceEvaluator(decimalConvention: .decimalPoint)
        let evaluation = VerdictCase("1,250", "cP", Specs.viscosity, .pass).evaluate(evaluator)
        #expect(evaluation.verdict == .pass)
        #expect(evaluation.valueInSpecUnit == 1250)
        #expect(evaluation.bandPosition == 0.5)
    }

    @Test func everyVerdictKindIsCovered() {
        let all = Self.twoSided + Self.upperOnly + Self.lowerOnly + Self.notJudged
        #expect(Set(all.map(\.verdict)) == Set(Verdict.allCases))
    }

    @Test func valuesAreCarriedThrough() throws {
        let spec = Specs.lead
        let evaluator = ToleranceEvaluator()
        let converted = evaluator.evaluate(
            ReportedResult(characteristic: "lead", unit: "%", reportedText: "<0,0001"), against: spec)
        #expect(converted.value == 0.0001)
        #expect(converted.qualifier == .lessThan)
        #expect(try #require(converted.valueInSpecUnit) == 1)
        let nd = evaluator.evaluate(ReportedResult(characteristic: "lead", unit: "mg/kg", reportedText: "ND"), against: spec)
        #expect(nd.qualifier == .notDetected)
        #expect(nd.value == nil)
        #expect(nd.valueInSpecUnit == nil)
        let text = evaluator.evaluate(ReportedResult(characteristic: "lead", reportedText: "conforms"), against: spec)
        #expect(text.value == nil)
        #expect(text.qualifier == Qualifier.none)
    }

    @Test func notesNameTheReason() {
        let evaluator = ToleranceEvaluator()
        func note(_ text: String, _ unit: String?, _ spec: Specification?) -> String {
            evaluator.evaluate(ReportedResult(characteristic: "lead", unit: unit, reportedText: text), against: spec).note
                ?? ""
        }
        #expect(note("0.5", "cP", Specs.lead) == "reported in cP (dynamic viscosity), specification in mg/kg (mass fraction): incompatible units")
        #expect(note("0.5", "furlong", Specs.lead) == "unit 'furlong' is not in the unit table")
        #expect(note("1.2", "mg/kg", Specs.lead) == "1.2 mg/kg is above the upper limit 1 mg/kg")
        #expect(note("<2", "mg/kg", Specs.lead) == "reported <2 mg/kg: the value may be above the upper limit 1 mg/kg")
        #expect(note("0.95", "mg/kg", Specs.lead).contains("edge band next to the upper limit 1 mg/kg"))
        #expect(note("0.5", "mg/kg", nil) == "no specification in force for lead")
        #expect(note("conforms", "mg/kg", Specs.lead).contains("states conformance"))
        #expect(note("fails", "mg/kg", Specs.lead).contains("states non-conformance"))
        #expect(note("0.5 %", "mg/kg", Specs.lead).contains("'%'"))
    }
}
