import CoA
import Domain
import Testing

/// Whatever a supplier writes, reading yields a finite number or none, and only numbers can pass.
@Suite struct ReportedValueRobustnessTests {
    private static let alphabet: [Character] = [
        "0", "1", "5", "9", ".", ",", " ", "'", "-", "+", "e", "E", "<", ">", "=", "≤", "×", "^", "⁻", "³",
        "%",
        "n", "d", "N", "a", "i", "f", "(", ")", "&", "l", "t", ";", "\u{00A0}", "m", "g", "/", "k", "x",
    ]

    /// A deterministic stream of strings (a linear congruential generator, so failures reproduce).
    private static func samples(count: Int) -> [String] {
        var state: UInt64 = 0x5EED
        var result: [String] = []
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 60)
            var text = ""
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            result.append(text)
        }
        return result
    }

    @Test func numbersAreAlwaysFinite() {
        for text in Self.samples(count: 8_000) {
            let value = ReportedValue.parse(text)
            if let number = value.number {
                #expect(number.isFinite, "\(text)")
            }
            #expect(value.isNumeric || value.number == nil, "\(text)")
            #expect(
                (value.kind == .numeric) == (value.number != nil && value.qualifier != .notDetected),
                "\(text)")
        }
    }

    @Test func onlyReadableValuesAreJudged() {
        let evaluator = ToleranceEvaluator()
        let spec = Specification(
            materialId: "M", characteristic: "c", unit: "%", lowerLimit: 0, upperLimit: 100,
            validFrom: Day(year: 2026, month: 1, day: 1))
        for text in Self.samples(count: 2_000) {
            let evaluation = evaluator.evaluate(
                ReportedResult(characteristic: "c", unit: "%", reportedText: text), against: spec)
            let value = ReportedValue.parse(text)
            if evaluation.verdict.isNumericJudgement {
                #expect(value.isNumeric, "\(text)")
            } else {
                #expect(evaluation.note != nil, "\(text)")
            }
        }
    }
}
