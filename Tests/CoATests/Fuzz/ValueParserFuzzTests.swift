import CoA
import Domain
import Testing

/// The value reader and the evaluator on generated text: never a trap, never a number outside the range
/// judged, never an unbounded note. Seeded and bounded in time (`scripts/fuzz` runs it longer).
@Suite struct ValueParserFuzzTests {
    static let specifications = [
        Specification(
            materialId: "M", characteristic: "assay", unit: "%", lowerLimit: 99, upperLimit: 100.5,
            validFrom: Day(year: 2025, month: 1, day: 1)),
        Specification(
            materialId: "M", characteristic: "moisture", unit: "%", lowerLimit: nil, upperLimit: 0.5,
            validFrom: Day(year: 2025, month: 1, day: 1)),
        Specification(
            materialId: "M", characteristic: "lead", unit: "mg/kg", lowerLimit: nil, upperLimit: 10,
            validFrom: Day(year: 2025, month: 1, day: 1)),
    ]

    @Test func generatedValuesNeverTrapAndStayInRange() {
        let budget = FuzzBudget.fromEnvironment(defaultSeconds: 2)
        let evaluators = DecimalConvention.allCases.map { ToleranceEvaluator(decimalConvention: $0) }
        var failures: [String] = []
        let ran = budget.run { generator, iteration in
            let text = ValueTextGenerator.text(&generator)
            for convention in DecimalConvention.allCases {
                let value = ReportedValue.parse(text, convention: convention)
                if let number = value.number, !InputRange.contains(number) {
                    failures.append("seed iteration \(iteration): '\(text.prefix(60))' read as \(number)")
                }
            }
            let evaluator = evaluators[iteration % evaluators.count]
            let spec = Self.specifications[iteration % Self.specifications.count]
            let unit = ["%", "mg/kg", "", "ppm", "kg"][iteration % 5]
            let evaluation = evaluator.evaluate(
                ReportedResult(characteristic: spec.characteristic, unit: unit, reportedText: text),
                against: spec)
            if let converted = evaluation.valueInSpecUnit, !InputRange.contains(converted) {
                failures.append("iteration \(iteration): '\(text.prefix(60))' judged as \(converted)")
            }
            if let note = evaluation.note, note.count > 400 {
                failures.append("iteration \(iteration): a note of \(note.count) characters")
            }
        }
        print("\(#function): \(ran) cases in \(budget.seconds) s, seed \(budget.seed)")
        #expect(ran > 0)
        #expect(failures.isEmpty, "\(failures.prefix(5)) (seed \(budget.seed))")
    }

    @Test func extremeLiteralsAreOutOfRange() {
        for text in [
            "1e20", "-1e308", "1e-400", "1e400", String(repeating: "9", count: 5_000),
            "0." + String(repeating: "0", count: 400) + "1", "99999999999999999999999", "<1e-400",
            "ND (<1e20)",
            "9.3e18",
        ] {
            #expect(ReportedValue.parse(text).kind == .outOfRange, "\(text.prefix(40))")
        }
        for text in ["NaN", "inf", "-inf", "Infinity"] {
            #expect(ReportedValue.parse(text).kind == .unparseable, "\(text)")
        }
        #expect(ReportedValue.parse("1e12").number == 1e12)
        #expect(ReportedValue.parse("1e-12").number == 1e-12)
        #expect(ReportedValue.parse("0.000").number == 0)
    }
}
