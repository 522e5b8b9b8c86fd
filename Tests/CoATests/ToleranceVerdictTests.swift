import CoA
import Domain
import Testing

/// Specifications the verdict tables use.
enum ToleranceSpecs {
    static let day = Day(year: 2026, month: 3, day: 1)

    static func make(_ lower: Double?, _ upper: Double?, _ unit: String, target: Double? = nil)
        -> Specification
    {
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

struct ToleranceVerdictCase: Sendable, CustomTestStringConvertible {
    let text: String
    let unit: String?
    let spec: Specification?
    let verdict: Verdict
    let position: Double?

    init(_ text: String, _ unit: String?, _ spec: Specification?, _ verdict: Verdict, position: Double? = nil)
    {
        self.text = text
        self.unit = unit
        self.spec = spec
        self.verdict = verdict
        self.position = position
    }

    var testDescription: String {
        let limits = spec.map {
            "[\($0.lowerLimit.map { "\($0)" } ?? "–"), \($0.upperLimit.map { "\($0)" } ?? "–")]"
        }
        return "\"\(text)\" \(unit ?? "(no unit)") against \(limits ?? "no spec") \(spec?.unit ?? "")"
    }

    func evaluate(_ evaluator: ToleranceEvaluator = ToleranceEvaluator()) -> Evaluation {
        evaluator.evaluate(ReportedResult(characteristic: "c", unit: unit, reportedText: text), against: spec)
    }
}

@Suite struct ToleranceVerdictTests {
    static let twoSided: [ToleranceVerdictCase] = [
        ToleranceVerdictCase("99.62", "%", ToleranceSpecs.assay, .pass, position: 0.62 / 1.5),
        ToleranceVerdictCase("99,62", "%", ToleranceSpecs.assay, .pass, position: 0.62 / 1.5),
        ToleranceVerdictCase("99.0", "%", ToleranceSpecs.assay, .edge, position: 0),
        ToleranceVerdictCase("100.5", "%", ToleranceSpecs.assay, .edge, position: 1),
        ToleranceVerdictCase("99.15", "%", ToleranceSpecs.assay, .edge, position: 0.1),
        ToleranceVerdictCase("99.16", "%", ToleranceSpecs.assay, .pass, position: 0.16 / 1.5),
        ToleranceVerdictCase("100.35", "%", ToleranceSpecs.assay, .edge, position: 0.9),
        ToleranceVerdictCase("100.34", "%", ToleranceSpecs.assay, .pass, position: 1.34 / 1.5),
        ToleranceVerdictCase("98.99", "%", ToleranceSpecs.assay, .fail, position: -0.01 / 1.5),
        ToleranceVerdictCase("100.8", "%", ToleranceSpecs.assay, .fail, position: 1.2),
        // A lone separator is the decimal mark: both read 1.25 (a profile can say otherwise).
        ToleranceVerdictCase("1.250", "cP", ToleranceSpecs.viscosity, .fail, position: (1.25 - 1000) / 500),
        ToleranceVerdictCase("1,250", "cP", ToleranceSpecs.viscosity, .fail, position: (1.25 - 1000) / 500),
        ToleranceVerdictCase("1.250,0", "cP", ToleranceSpecs.viscosity, .pass, position: 0.5),
        ToleranceVerdictCase("1 250", "cP", ToleranceSpecs.viscosity, .pass, position: 0.5),
        ToleranceVerdictCase("1.45 Pa·s", nil, ToleranceSpecs.viscosity, .edge, position: 0.9),
        ToleranceVerdictCase("77", "°F", ToleranceSpecs.storage, .edge, position: 1),
        ToleranceVerdictCase("71.6", "°F", ToleranceSpecs.storage, .pass, position: 0.4),
        ToleranceVerdictCase("298.15", "K", ToleranceSpecs.storage, .edge, position: 1),
        ToleranceVerdictCase("ND", "mg/kg", ToleranceSpecs.leadRange, .pass),
        // A lower limit of 0 on a content has no edge band; the upper band is 9–10.
        ToleranceVerdictCase("0", "mg/kg", ToleranceSpecs.leadRange, .pass, position: 0),
        ToleranceVerdictCase("0.3", "mg/kg", ToleranceSpecs.leadRange, .pass, position: 0.03),
        ToleranceVerdictCase("9", "mg/kg", ToleranceSpecs.leadRange, .edge, position: 0.9),
        // Equal limits: only the value itself is in spec, and it is at both limits.
        ToleranceVerdictCase("5", "mg/kg", ToleranceSpecs.make(5, 5, "mg/kg"), .edge),
        ToleranceVerdictCase("5.01", "mg/kg", ToleranceSpecs.make(5, 5, "mg/kg"), .fail),
        ToleranceVerdictCase("0", "°C", ToleranceSpecs.make(0, 10, "°C"), .edge, position: 0),
        ToleranceVerdictCase("1", "°C", ToleranceSpecs.make(0, 10, "°C"), .edge, position: 0.1),
        ToleranceVerdictCase("1.1", "°C", ToleranceSpecs.make(0, 10, "°C"), .pass, position: 0.11),
        ToleranceVerdictCase("<0.5", "mg/kg", ToleranceSpecs.leadRange, .pass, position: 0.05),
        ToleranceVerdictCase("<0.5", "mg/kg", ToleranceSpecs.zinc, .fail, position: -0.5 / 9),
        ToleranceVerdictCase("<1", "mg/kg", ToleranceSpecs.zinc, .fail, position: 0),
        ToleranceVerdictCase("<=1", "mg/kg", ToleranceSpecs.zinc, .inconclusive, position: 0),
        ToleranceVerdictCase("<2", "mg/kg", ToleranceSpecs.zinc, .inconclusive, position: 1.0 / 9),
        ToleranceVerdictCase("ND", "mg/kg", ToleranceSpecs.zinc, .fail),
        ToleranceVerdictCase(">5", "mg/kg", ToleranceSpecs.zinc, .inconclusive, position: 4.0 / 9),
        ToleranceVerdictCase(">11", "mg/kg", ToleranceSpecs.zinc, .fail, position: 10.0 / 9),
        ToleranceVerdictCase(">10", "mg/kg", ToleranceSpecs.zinc, .fail, position: 1),
        ToleranceVerdictCase(">=10", "mg/kg", ToleranceSpecs.zinc, .inconclusive, position: 1),
        ToleranceVerdictCase("<12", "mg/kg", ToleranceSpecs.leadRange, .inconclusive, position: 1.2),
        ToleranceVerdictCase("0.0005", "%", ToleranceSpecs.leadRange, .pass, position: 0.5),
        ToleranceVerdictCase("0.00105", "%", ToleranceSpecs.leadRange, .fail, position: 1.05),
        ToleranceVerdictCase("-0.5", "mg/kg", ToleranceSpecs.leadRange, .fail, position: -0.05),
    ]

    static let upperOnly: [ToleranceVerdictCase] = [
        ToleranceVerdictCase("0.5", "mg/kg", ToleranceSpecs.lead, .pass),
        ToleranceVerdictCase("0.89", "mg/kg", ToleranceSpecs.lead, .pass),
        ToleranceVerdictCase("0.9", "mg/kg", ToleranceSpecs.lead, .edge),
        ToleranceVerdictCase("0.95", "mg/kg", ToleranceSpecs.lead, .edge),
        ToleranceVerdictCase("1.0", "mg/kg", ToleranceSpecs.lead, .edge),
        ToleranceVerdictCase("1.01", "mg/kg", ToleranceSpecs.lead, .fail),
        ToleranceVerdictCase("-0.1", "mg/kg", ToleranceSpecs.lead, .pass),
        ToleranceVerdictCase("<0.5", "mg/kg", ToleranceSpecs.lead, .pass),
        ToleranceVerdictCase("<0.05", "mg/kg", ToleranceSpecs.lead, .pass),
        ToleranceVerdictCase("<1.0", "mg/kg", ToleranceSpecs.lead, .edge),
        ToleranceVerdictCase("≤1.0", "mg/kg", ToleranceSpecs.lead, .edge),
        ToleranceVerdictCase("<0.95", "mg/kg", ToleranceSpecs.lead, .edge),
        ToleranceVerdictCase("&lt;2", "mg/kg", ToleranceSpecs.lead, .inconclusive),
        ToleranceVerdictCase(">1.0", "mg/kg", ToleranceSpecs.lead, .fail),
        ToleranceVerdictCase(">=1.0", "mg/kg", ToleranceSpecs.lead, .inconclusive),
        ToleranceVerdictCase(">0.5", "mg/kg", ToleranceSpecs.lead, .inconclusive),
        ToleranceVerdictCase("ND", "mg/kg", ToleranceSpecs.lead, .pass),
        ToleranceVerdictCase("n.d.", nil, ToleranceSpecs.lead, .pass),
        ToleranceVerdictCase("ND (<0.5)", "mg/kg", ToleranceSpecs.lead, .pass),
        ToleranceVerdictCase("ND (<2)", "mg/kg", ToleranceSpecs.lead, .inconclusive),
        ToleranceVerdictCase("0.95", "ppm", ToleranceSpecs.lead, .edge),
        ToleranceVerdictCase("950", "ppb", ToleranceSpecs.lead, .edge),
        ToleranceVerdictCase("0.5", "µg/g", ToleranceSpecs.lead, .pass),
        ToleranceVerdictCase("0.5", "\u{03BC}g/g", ToleranceSpecs.lead, .pass),
        ToleranceVerdictCase("0.0001", "%", ToleranceSpecs.lead, .edge),
        ToleranceVerdictCase("0.00011", "%", ToleranceSpecs.lead, .fail),
        ToleranceVerdictCase("0.47", "%", ToleranceSpecs.moisture, .edge),
        ToleranceVerdictCase("0.46", "%", ToleranceSpecs.moisture, .pass),
        ToleranceVerdictCase("0.5", "%", ToleranceSpecs.moisture, .edge),
        ToleranceVerdictCase("-21", "°C", ToleranceSpecs.pourPoint, .edge),
        ToleranceVerdictCase("-22", "°C", ToleranceSpecs.pourPoint, .edge),
        ToleranceVerdictCase("-25", "°C", ToleranceSpecs.pourPoint, .pass),
        ToleranceVerdictCase("-19", "°C", ToleranceSpecs.pourPoint, .fail),
        ToleranceVerdictCase("-4", "°F", ToleranceSpecs.pourPoint, .edge),
        ToleranceVerdictCase("-13", "°F", ToleranceSpecs.pourPoint, .pass),
        ToleranceVerdictCase("<-30", "°C", ToleranceSpecs.pourPoint, .pass),
        ToleranceVerdictCase("<-10", "°C", ToleranceSpecs.pourPoint, .inconclusive),
        ToleranceVerdictCase("<5", "°C", ToleranceSpecs.pourPoint, .inconclusive),
        ToleranceVerdictCase("ND", "°C", ToleranceSpecs.pourPoint, .inconclusive),
    ]

    static let lowerOnly: [ToleranceVerdictCase] = [
        ToleranceVerdictCase("99.5", "%", ToleranceSpecs.assayMin, .edge),
        ToleranceVerdictCase("108.9", "%", ToleranceSpecs.assayMin, .edge),
        ToleranceVerdictCase("109", "%", ToleranceSpecs.assayMin, .pass),
        ToleranceVerdictCase("99.1", "%", ToleranceSpecs.assayMinTarget, .edge),
        ToleranceVerdictCase("99.05", "%", ToleranceSpecs.assayMinTarget, .edge),
        ToleranceVerdictCase("99.11", "%", ToleranceSpecs.assayMinTarget, .pass),
        ToleranceVerdictCase("98.9", "%", ToleranceSpecs.assayMinTarget, .fail),
        ToleranceVerdictCase(">99", "%", ToleranceSpecs.assayMinTarget, .edge),
        ToleranceVerdictCase(">99.5", "%", ToleranceSpecs.assayMinTarget, .pass),
        ToleranceVerdictCase("≥99.5", "%", ToleranceSpecs.assayMinTarget, .pass),
        ToleranceVerdictCase(">98", "%", ToleranceSpecs.assayMinTarget, .inconclusive),
        ToleranceVerdictCase("<99.5", "%", ToleranceSpecs.assayMinTarget, .inconclusive),
        ToleranceVerdictCase("<99", "%", ToleranceSpecs.assayMinTarget, .fail),
        ToleranceVerdictCase("≤99", "%", ToleranceSpecs.assayMinTarget, .inconclusive),
        ToleranceVerdictCase("ND", "%", ToleranceSpecs.assayMinTarget, .fail),
        ToleranceVerdictCase("995000", "ppm", ToleranceSpecs.assayMinTarget, .pass),
    ]

    static let notJudged: [ToleranceVerdictCase] = [
        ToleranceVerdictCase("99.62", "%", nil, .noSpec),
        ToleranceVerdictCase("conforms", nil, nil, .noSpec),
        ToleranceVerdictCase("99.62", "%", ToleranceSpecs.make(nil, nil, "%"), .noSpec),
        ToleranceVerdictCase("99.62", "%", ToleranceSpecs.make(101, 99, "%"), .inconclusive),
        ToleranceVerdictCase("99.62", "%", ToleranceSpecs.make(.nan, 100, "%"), .inconclusive),
        ToleranceVerdictCase("conforms", "%", ToleranceSpecs.assay, .notNumeric),
        ToleranceVerdictCase("Complies", nil, ToleranceSpecs.assay, .notNumeric),
        ToleranceVerdictCase("fails", "%", ToleranceSpecs.assay, .notNumeric),
        ToleranceVerdictCase("white powder", "%", ToleranceSpecs.assay, .notNumeric),
        ToleranceVerdictCase("NaN", "%", ToleranceSpecs.assay, .notNumeric),
        ToleranceVerdictCase("inf", "%", ToleranceSpecs.assay, .notNumeric),
        ToleranceVerdictCase("1e999", "%", ToleranceSpecs.assay, .inconclusive),
        ToleranceVerdictCase("", "%", ToleranceSpecs.assay, .notNumeric),
        ToleranceVerdictCase("   ", "%", ToleranceSpecs.assay, .notNumeric),
        ToleranceVerdictCase("1.2.3", "%", ToleranceSpecs.assay, .notNumeric),
        ToleranceVerdictCase("99.5", "cP", ToleranceSpecs.assay, .unitMismatch),
        ToleranceVerdictCase("99.5", "% v/v", ToleranceSpecs.assay, .unitMismatch),
        ToleranceVerdictCase("99.5", "furlong", ToleranceSpecs.assay, .unitMismatch),
        ToleranceVerdictCase("99.5", "%", ToleranceSpecs.make(99, 100.5, "widgets"), .unitMismatch),
        ToleranceVerdictCase("0.5 %", "mg/kg", ToleranceSpecs.lead, .unitMismatch),
        ToleranceVerdictCase("<0.5", "mg/L", ToleranceSpecs.lead, .unitMismatch),
        ToleranceVerdictCase("ND", "cP", ToleranceSpecs.lead, .unitMismatch),
    ]

    @Test(arguments: twoSided) func twoSidedLimits(_ example: ToleranceVerdictCase) { check(example) }
    @Test(arguments: upperOnly) func upperLimitOnly(_ example: ToleranceVerdictCase) { check(example) }
    @Test(arguments: lowerOnly) func lowerLimitOnly(_ example: ToleranceVerdictCase) { check(example) }
    @Test(arguments: notJudged) func noNumericJudgement(_ example: ToleranceVerdictCase) { check(example) }

    private func check(_ example: ToleranceVerdictCase) {
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
        let evaluation = ToleranceVerdictCase("1,250", "cP", ToleranceSpecs.viscosity, .pass).evaluate(
            evaluator)
        #expect(evaluation.verdict == .pass)
        #expect(evaluation.valueInSpecUnit == 1250)
        #expect(evaluation.bandPosition == 0.5)
    }

    @Test func everyVerdictKindIsCovered() {
        let all = Self.twoSided + Self.upperOnly + Self.lowerOnly + Self.notJudged
        #expect(Set(all.map(\.verdict)) == Set(Verdict.allCases))
    }

    @Test func valuesAreCarriedThrough() throws {
        let spec = ToleranceSpecs.lead
        let evaluator = ToleranceEvaluator()
        let converted = evaluator.evaluate(
            ReportedResult(characteristic: "lead", unit: "%", reportedText: "<0,0001"), against: spec)
        #expect(converted.value == 0.0001)
        #expect(converted.qualifier == .lessThan)
        #expect(try #require(converted.valueInSpecUnit) == 1)
        let nd = evaluator.evaluate(
            ReportedResult(characteristic: "lead", unit: "mg/kg", reportedText: "ND"), against: spec)
        #expect(nd.qualifier == .notDetected)
        #expect(nd.value == nil)
        #expect(nd.valueInSpecUnit == nil)
        let text = evaluator.evaluate(
            ReportedResult(characteristic: "lead", reportedText: "conforms"), against: spec)
        #expect(text.value == nil)
        #expect(text.qualifier == Qualifier.none)
    }

    @Test func notesNameTheReason() {
        let evaluator = ToleranceEvaluator()
        func note(_ text: String, _ unit: String?, _ spec: Specification?) -> String {
            evaluator.evaluate(
                ReportedResult(characteristic: "lead", unit: unit, reportedText: text), against: spec
            ).note
                ?? ""
        }
        #expect(
            note("0.5", "cP", ToleranceSpecs.lead)
                == "reported in cP (dynamic viscosity), specification in mg/kg (mass fraction): incompatible units"
        )
        #expect(note("0.5", "furlong", ToleranceSpecs.lead) == "unit 'furlong' is not in the unit table")
        #expect(note("1.2", "mg/kg", ToleranceSpecs.lead) == "1.2 mg/kg is above the upper limit 1 mg/kg")
        #expect(
            note("<2", "mg/kg", ToleranceSpecs.lead)
                == "reported <2 mg/kg: the value may be above the upper limit 1 mg/kg")
        #expect(
            note("0.95", "mg/kg", ToleranceSpecs.lead).contains("edge band next to the upper limit 1 mg/kg"))
        #expect(note("0.5", "mg/kg", nil) == "no specification in force for lead")
        #expect(
            note("0.00011", "%", ToleranceSpecs.lead)
                == "1.1 mg/kg (reported 0.00011 %) is above the upper limit 1 mg/kg")
        #expect(
            note("<2000", "µg/kg", ToleranceSpecs.lead)
                == "reported <2000 µg/kg (2 mg/kg): the value may be above the upper limit 1 mg/kg")
        #expect(
            note("1", "mg/kg", ToleranceSpecs.make(nil, 1, "widgets"))
                == "the specification's unit 'widgets' is not in the unit table")
        #expect(note("ND", "%", ToleranceSpecs.assayMin) == "not detected: below the lower limit 99 %")
        #expect(note("conforms", "mg/kg", ToleranceSpecs.lead).contains("states conformance"))
        #expect(note("fails", "mg/kg", ToleranceSpecs.lead).contains("states non-conformance"))
        #expect(note("0.5 %", "mg/kg", ToleranceSpecs.lead).contains("'%'"))
    }
}
