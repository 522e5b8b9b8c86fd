import CoA
import Testing

/// Expected reading of one reported text.
struct ValueCase: Sendable, CustomTestStringConvertible {
    let text: String
    let kind: ReportedValue.Kind
    let qualifier: Qualifier
    let number: Double?
    let unit: String?

    init(_ text: String, _ kind: ReportedValue.Kind, _ qualifier: Qualifier = .none, _ number: Double? = nil,
        unit: String? = nil)
    {
        self.text = text
        self.kind = kind
        self.qualifier = qualifier
        self.number = number
        self.unit = unit
    }

    var testDescription: String { "\"\(text)\"" }

    func check(_ convention: DecimalConvention = .automatic) {
        let value = ReportedValue.parse(text, convention: convention)
        #expect(value.kind == kind, "\(text)")
        #expect(value.qualifier == qualifier, "\(text)")
        #expect(value.number == number, "\(text)")
        #expect(value.unitText == unit, "\(text)")
    }
}

@Suite struct ReportedValueParsingTests {
    @Test(arguments: [
        ValueCase("99.62", .numeric, .none, 99.62),
        ValueCase("99,62", .numeric, .none, 99.62),
        ValueCase(" 99.62 ", .numeric, .none, 99.62),
        ValueCase("\t99.62\n", .numeric, .none, 99.62),
        ValueCase("+5", .numeric, .none, 5),
        ValueCase("-0,5", .numeric, .none, -0.5),
        ValueCase("\u{2212}12.5", .numeric, .none, -12.5),
        ValueCase(".5", .numeric, .none, 0.5),
        ValueCase(",5", .numeric, .none, 0.5),
        ValueCase("0", .numeric, .none, 0),
        ValueCase("1,234.5", .numeric, .none, 1234.5),
        ValueCase("1.234,5", .numeric, .none, 1234.5),
        ValueCase("1 234,5", .numeric, .none, 1234.5),
        ValueCase("1\u{00A0}234,5", .numeric, .none, 1234.5),
        ValueCase("1'234.5", .numeric, .none, 1234.5),
        ValueCase("1\u{2019}234.5", .numeric, .none, 1234.5),
        ValueCase("1,234,567", .numeric, .none, 1_234_567),
        ValueCase("1.234.567", .numeric, .none, 1_234_567),
        ValueCase("1.234.567,89", .numeric, .none, 1_234_567.89),
        // The documented rule: a lone separator is the decimal mark.
        ValueCase("1,234", .numeric, .none, 1.234),
        ValueCase("1.234", .numeric, .none, 1.234),
    ])
    func decimalMarksAndThousands(_ value: ValueCase) { value.check() }

    @Test(arguments: [
        ValueCase("1.2E-3", .numeric, .none, 0.0012),
        ValueCase("1.2e-3", .numeric, .none, 0.0012),
        ValueCase("1,2e-3", .numeric, .none, 0.0012),
        ValueCase("5E+02", .numeric, .none, 500),
        ValueCase("1.2×10^-3", .numeric, .none, 0.0012),
        ValueCase("1.2 x 10^-3", .numeric, .none, 0.0012),
        ValueCase("1,2·10⁻³", .numeric, .none, 0.0012),
        ValueCase("3*10^4", .numeric, .none, 30000),
        ValueCase("-2.5e1", .numeric, .none, -25),
    ])
    func scientificNotation(_ value: ValueCase) { value.check() }

    @Test(arguments: [
        ValueCase("<0.05", .numeric, .lessThan, 0.05),
        ValueCase("< 0,05", .numeric, .lessThan, 0.05),
        ValueCase("<=0.05", .numeric, .lessOrEqual, 0.05),
        ValueCase("=<0.05", .numeric, .lessOrEqual, 0.05),
        ValueCase("≤0.05", .numeric, .lessOrEqual, 0.05),
        ValueCase("⩽ 0.05", .numeric, .lessOrEqual, 0.05),
        ValueCase(">99", .numeric, .greaterThan, 99),
        ValueCase(">= 99.5", .numeric, .greaterOrEqual, 99.5),
        ValueCase("≥99,5", .numeric, .greaterOrEqual, 99.5),
        ValueCase("&lt;1.0", .numeric, .lessThan, 1),
        ValueCase("&gt;1.0", .numeric, .greaterThan, 1),
        ValueCase("&le;1.0", .numeric, .lessOrEqual, 1),
        ValueCase("less than 0.5", .numeric, .lessThan, 0.5),
        ValueCase("Less than or equal to 0.5", .numeric, .lessOrEqual, 0.5),
        ValueCase("max. 0,5", .numeric, .lessOrEqual, 0.5),
        ValueCase("Max 0.5", .numeric, .lessOrEqual, 0.5),
        ValueCase("maximum: 0.5", .numeric, .lessOrEqual, 0.5),
        ValueCase("NMT 0.5", .numeric, .lessOrEqual, 0.5),
        ValueCase("not more than 0.5", .numeric, .lessOrEqual, 0.5),
        ValueCase("NLT 99.0", .numeric, .greaterOrEqual, 99),
        ValueCase("min. 99.0", .numeric, .greaterOrEqual, 99),
        ValueCase("greater than 99", .numeric, .greaterThan, 99),
        ValueCase("0.5 max", .numeric, .lessOrEqual, 0.5),
        ValueCase("0.5 % max.", .numeric, .lessOrEqual, 0.5, unit: "%"),
        ValueCase("99.0 min", .numeric, .greaterOrEqual, 99),
        ValueCase("< -30", .numeric, .lessThan, -30),
    ])
    func qualifiers(_ value: ValueCase) { value.check() }

    @Test(arguments: [
        ValueCase("ND", .notDetected, .notDetected),
        ValueCase("nd", .notDetected, .notDetected),
        ValueCase("n.d.", .notDetected, .notDetected),
        ValueCase("N.D.", .notDetected, .notDetected),
        ValueCase("n/d", .notDetected, .notDetected),
        ValueCase("Not detected", .notDetected, .notDetected),
        ValueCase("none detected", .notDetected, .notDetected),
        ValueCase("BLQ", .notDetected, .notDetected),
        ValueCase("BDL", .notDetected, .notDetected),
        ValueCase("below LOQ", .notDetected, .notDetected),
        ValueCase("Below the limit of quantification", .notDetected, .notDetected),
        ValueCase("<LOQ", .notDetected, .notDetected),
        ValueCase("< LOD", .notDetected, .notDetected),
        ValueCase("n.n.", .notDetected, .notDetected),
        ValueCase("ND (<0.1)", .notDetected, .notDetected, 0.1),
        ValueCase("ND (LOQ 0.05 mg/kg)", .notDetected, .notDetected, 0.05, unit: "mg/kg"),
        ValueCase("<LOQ (0,05)", .notDetected, .notDetected, 0.05),
        ValueCase("<0.05 (LOQ)", .notDetected, .notDetected, 0.05),
        ValueCase("<0.1 ND", .notDetected, .notDetected, 0.1),
        ValueCase("ND (see note)", .notDetected, .notDetected),
    ])
    func nonDetects(_ value: ValueCase) { value.check() }

    @Test(arguments: [
        ValueCase("conforms", .textualPass),
        ValueCase("Conforms", .textualPass),
        ValueCase("complies", .textualPass),
        ValueCase("Complies with USP", .textualPass),
        ValueCase("pass", .textualPass),
        ValueCase("PASSES", .textualPass),
        ValueCase("meets specification", .textualPass),
        ValueCase("OK", .textualPass),
        ValueCase("absent", .textualPass),
        ValueCase("Negative", .textualPass),
        ValueCase("within limits", .textualPass),
        ValueCase("fails", .textualFail),
        ValueCase("Failed", .textualFail),
        ValueCase("does not conform", .textualFail),
        ValueCase("not conforming", .textualFail),
        ValueCase("non-compliant", .textualFail),
        ValueCase("out of specification", .textualFail),
        ValueCase("present", .textualFail),
        ValueCase("white crystalline powder", .textual),
        ValueCase("positive", .textual),
        ValueCase("passable?", .textual),
    ])
    func textualResults(_ value: ValueCase) { value.check() }

    @Test(arguments: [
        ValueCase("", .unparseable),
        ValueCase("   ", .unparseable),
        ValueCase("NaN", .unparseable),
        ValueCase("nan", .unparseable),
        ValueCase("inf", .unparseable),
        ValueCase("-Infinity", .unparseable),
        ValueCase("1e999", .unparseable),
        ValueCase("n/a", .unparseable),
        ValueCase("-", .unparseable),
        ValueCase("1.2.3", .unparseable),
        ValueCase("1,2,3", .unparseable),
        ValueCase("12,34,5", .unparseable),
        ValueCase("1,2.3,4", .unparseable),
        ValueCase("0.5-1.0", .unparseable),
        ValueCase("0.5 - 1.0", .unparseable),
        ValueCase("99.5 ± 0.2", .unparseable),
        ValueCase("<", .unparseable),
        ValueCase("< 0.5 min", .unparseable),
        ValueCase("1.2×10^", .unparseable),
        ValueCase(">0.1 (LOQ)", .unparseable),
        ValueCase("+", .unparseable),
    ])
    func unreadable(_ value: ValueCase) { value.check() }

    @Test(arguments: [
        ValueCase("0.5 %", .numeric, .none, 0.5, unit: "%"),
        ValueCase("0.5%", .numeric, .none, 0.5, unit: "%"),
        ValueCase("<1.0 mg/kg", .numeric, .lessThan, 1, unit: "mg/kg"),
        ValueCase("1 234 mPa·s", .numeric, .none, 1234, unit: "mPa·s"),
        ValueCase("12 mg", .numeric, .none, 12, unit: "mg"),
        ValueCase("5.", .numeric, .none, 5),
    ])
    func unitInTheValue(_ value: ValueCase) { value.check() }

    @Test func decimalPointConventionReadsCommaAsThousands() {
        ValueCase("1,234", .numeric, .none, 1234).check(.decimalPoint)
        ValueCase("1,234.5", .numeric, .none, 1234.5).check(.decimalPoint)
        ValueCase("12,34", .unparseable).check(.decimalPoint)
        ValueCase("1.234,5", .unparseable).check(.decimalPoint)
    }

    @Test func decimalCommaConventionReadsPointAsThousands() {
        ValueCase("1.234", .numeric, .none, 1234).check(.decimalComma)
        ValueCase("1.234,5", .numeric, .none, 1234.5).check(.decimalComma)
        ValueCase("0,05", .numeric, .none, 0.05).check(.decimalComma)
        ValueCase("1,234.5", .unparseable).check(.decimalComma)
    }

    @Test func markers() {
        #expect(ReportedValue.parse("conforms").isTextualPass)
        #expect(!ReportedValue.parse("fails").isTextualPass)
        #expect(ReportedValue.parse("ND").isNumeric)
        #expect(ReportedValue.parse("<0.1").isNumeric)
        #expect(!ReportedValue.parse("NaN").isNumeric)
    }
}
