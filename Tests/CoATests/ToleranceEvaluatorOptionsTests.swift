import CoA
import Domain
import Testing

@Suite struct ToleranceEvaluatorOptionsTests {
    private func result(
        _ text: String, _ unit: String?, lower: Double? = nil, upper: Double? = nil
    ) -> ReportedResult {
        ReportedResult(
            characteristic: "assay", unit: unit, reportedText: text, supplierLower: lower,
            supplierUpper: upper)
    }

    @Test(arguments: [
        (0.2, "2.5", Verdict.edge), (0.2, "2.6", .pass), (0.2, "8.5", .edge), (0.2, "8.4", .pass),
        (0.0, "0.51", .pass), (0.0, "0.5", .edge), (0.0, "10.5", .edge), (0.0, "10.49", .pass),
        // Fractions beyond 0.5 are clamped: every in-spec value is edge.
        (0.9, "5.5", .edge), (0.9, "11", .fail),
        // A non-finite fraction falls back to the default 10 %.
        (Double.nan, "1.5", .edge), (Double.nan, "1.6", .pass),
    ])
    func edgeFractionIsConfigurable(fraction: Double, text: String, verdict: Verdict) {
        let spec = ToleranceSpecs.make(0.5, 10.5, "mg/kg")  // range 10: a 20 % band is 2 wide
        let evaluator = ToleranceEvaluator(edgeFraction: fraction)
        #expect(evaluator.evaluate(result(text, "mg/kg"), against: spec).verdict == verdict)
    }

    @Test(
        arguments: [
            // Ours: 99.0–100.5 %.
            (98.5, 101.0, "%", true),
            (98.5, nil, "%", true),
            (nil, 100.6, "%", true),
            (99.0, 100.5, "%", false),
            (99.2, 100.0, "%", false),
            (nil, nil, "%", false),
            (990_000, 1_010_000, "ppm", true),
            (990_000, 1_005_000, "ppm", false),
            (98.0, 101.0, "cP", false),  // no conversion, no claim
        ] as [(Double?, Double?, String, Bool)])
    func supplierLimitsWider(lower: Double?, upper: Double?, unit: String, wider: Bool) {
        let evaluation = ToleranceEvaluator().evaluate(
            result("99.6", unit, lower: lower, upper: upper), against: ToleranceSpecs.assay)
        #expect(evaluation.supplierLimitsWider == wider)
    }

    @Test func supplierLimitsWiderOnlyWhereBothStateALimit() {
        // Ours: ≤ 1.0 mg/kg. The supplier's lower limit has nothing of ours to compare with.
        let evaluation = ToleranceEvaluator().evaluate(
            result("0.2", "mg/kg", lower: -5, upper: 1), against: ToleranceSpecs.lead)
        #expect(!evaluation.supplierLimitsWider)
        let textual = ToleranceEvaluator().evaluate(
            result("conforms", "mg/kg", upper: 2), against: ToleranceSpecs.lead)
        #expect(textual.verdict == .notNumeric)
        #expect(textual.supplierLimitsWider)
    }

    @Test func missingUnitIsReadInTheSpecificationUnit() {
        let assumed = ToleranceEvaluator().evaluate(result("99.6", nil), against: ToleranceSpecs.assay)
        #expect(assumed.verdict == .pass)
        #expect(assumed.valueInSpecUnit == 99.6)
        #expect(assumed.note == "no unit reported: read in the specification's unit %")
        let dash = ToleranceEvaluator().evaluate(result("99.0", "-"), against: ToleranceSpecs.assay)
        #expect(dash.verdict == .edge)
        #expect(dash.note?.hasSuffix("(no unit reported: read in the specification's unit %)") == true)
    }

    @Test func missingUnitIsAMismatchWhenConfigured() {
        let strict = ToleranceEvaluator(assumeSpecUnitWhenMissing: false)
        let evaluation = strict.evaluate(result("99.6", nil), against: ToleranceSpecs.assay)
        #expect(evaluation.verdict == .unitMismatch)
        #expect(evaluation.note == "no unit reported; the specification is in '%'")
        #expect(strict.evaluate(result("99.6 %", nil), against: ToleranceSpecs.assay).verdict == .pass)
    }

    @Test func unitInTheValueTextIsUsedWhenTheColumnIsEmpty() {
        let evaluator = ToleranceEvaluator()
        #expect(evaluator.evaluate(result("0.5 %", nil), against: ToleranceSpecs.lead).verdict == .fail)
        #expect(evaluator.evaluate(result("0.5 mg/kg", nil), against: ToleranceSpecs.lead).verdict == .pass)
        #expect(
            evaluator.evaluate(result("0.5 mg/kg", "mg/kg"), against: ToleranceSpecs.lead).verdict == .pass)
        #expect(
            evaluator.evaluate(result("0.5 mg/kg", "ppm"), against: ToleranceSpecs.lead).verdict
                == .unitMismatch)
    }

    @Test func profileUnitAliases() {
        let plain = ToleranceEvaluator()
        let profiled = ToleranceEvaluator(unitAliases: ["Gew-Proz": "%", "mPa*sec": "mPa·s"])
        #expect(
            plain.evaluate(result("99.6", "Gew-Proz"), against: ToleranceSpecs.assay).verdict == .unitMismatch
        )
        #expect(profiled.evaluate(result("99.6", "Gew-Proz"), against: ToleranceSpecs.assay).verdict == .pass)
        #expect(
            profiled.evaluate(result("1250", "mPa*sec"), against: ToleranceSpecs.viscosity).verdict == .pass)
        #expect(profiled.evaluate(result("1.25", "Pa·s"), against: ToleranceSpecs.viscosity).verdict == .pass)
    }

    @Test func unlistedUnitJudgedOnlyAgainstTheSameSpelling() {
        let turbidity = ToleranceSpecs.make(nil, 5, "NTU")
        let evaluator = ToleranceEvaluator()
        #expect(evaluator.evaluate(result("2", "NTU"), against: turbidity).verdict == .pass)
        #expect(evaluator.evaluate(result("2", "FNU"), against: turbidity).verdict == .unitMismatch)
    }
}
