import CoA
import Testing

/// Expected reading of one reported text.
struct ReportedValueCase: Sendable, CustomTestStringConvertible {
    let text: String
    let kind: ReportedValue.Kind
    let qualifier: Qualifier
    let number: Double?
    let unit: String?

    init(
        _ text: String, _ kind: ReportedValue.Kind, _ qualifier: Qualifier = .none, _ number: Double? = nil,
        unit: String? = nil
    ) {
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
        ReportedValueCase("99.62", .numeric, .none, 99.62),
        ReportedValueCase("99,62", .numeric, .none, 99.62),
        ReportedValueCase(" 99.62 ", .numeric, .none, 99.62),
        ReportedValueCase("\t99.62\n", .numeric, .none, 99.62),
        ReportedValueCase("+5", .numeric, .none, 5),
        ReportedValueCase("-0,5", .numeric, .none, -0.5),
        ReportedValueCase("\u{2212}12.5", .numeric, .none, -12.5),
        ReportedValueCase(".5", .numeric, .none, 0.5),
        ReportedValueCase(",5", .numeric, .none, 0.5),
        ReportedValueCase("0", .numeric, .none, 0),
        ReportedValueCase("1,234.5", .numeric, .none, 1234.5),
        ReportedValueCase("1.234,5", .numeric, .none, 1234.5),
        ReportedValueCase("1 234,5", .numeric, .none, 1234.5),
        ReportedValueCase("1\u{00A0}234,5", .numeric, .none, 1234.5),
        ReportedValueCase("1'234.5", .numeric, .none, 1234.5),
        ReportedValueCase("1\u{2019}234.5", .numeric, .none, 1234.5),
        ReportedValueCase("1,234,567", .numeric, .none, 1_234_567),
        ReportedValueCase("1.234.567", .numeric, .none, 1_234_567),
        ReportedValueCase("1.234.567,89", .numeric, .none, 1_234_567.89),
        // The documented rule: a lone separator is the decimal mark.
        ReportedValueCase("1,234", .numeric, .none, 1.234),
        ReportedValueCase("1.234", .numeric, .none, 1.234),
    ])
    func decimalMarksAndThousands(_ value: ReportedValueCase) { value.check() }

    @Test(arguments: [
        ReportedValueCase("1.2E-3", .numeric, .none, 0.0012),
        ReportedValueCase("1.2e-3", .numeric, .none, 0.0012),
        ReportedValueCase("1,2e-3", .numeric, .none, 0.0012),
        ReportedValueCase("5E+02", .numeric, .none, 500),
        ReportedValueCase("1.2×10^-3", .numeric, .none, 0.0012),
        ReportedValueCase("1.2 x 10^-3", .numeric, .none, 0.0012),
        ReportedValueCase("1,2·10⁻³", .numeric, .none, 0.0012),
        ReportedValueCase("3*10^4", .numeric, .none, 30000),
        ReportedValueCase("-2.5e1", .numeric, .none, -25),
    ])
    func scientificNotation(_ value: ReportedValueCase) { value.check() }

    @Test(arguments: [
        ReportedValueCase("<0.05", .numeric, .lessThan, 0.05),
        ReportedValueCase("< 0,05", .numeric, .lessThan, 0.05),
        ReportedValueCase("<=0.05", .numeric, .lessOrEqual, 0.05),
        ReportedValueCase("=<0.05", .numeric, .lessOrEqual, 0.05),
        ReportedValueCase("≤0.05", .numeric, .lessOrEqual, 0.05),
        ReportedValueCase("⩽ 0.05", .numeric, .lessOrEqual, 0.05),
        ReportedValueCase(">99", .numeric, .greaterThan, 99),
        ReportedValueCase(">= 99.5", .numeric, .greaterOrEqual, 99.5),
        ReportedValueCase("≥99,5", .numeric, .greaterOrEqual, 99.5),
        ReportedValueCase("&lt;1.0", .numeric, .lessThan, 1),
        ReportedValueCase("&gt;1.0", .numeric, .greaterThan, 1),
        ReportedValueCase("&le;1.0", .numeric, .lessOrEqual, 1),
        ReportedValueCase("&#60; 1.0", .numeric, .lessThan, 1),
        ReportedValueCase("&ge;&#8805;1", .unparseable),
        ReportedValueCase("less than 0.5", .numeric, .lessThan, 0.5),
        ReportedValueCase("Less than or equal to 0.5", .numeric, .lessOrEqual, 0.5),
        ReportedValueCase("max. 0,5", .numeric, .lessOrEqual, 0.5),
        ReportedValueCase("Max 0.5", .numeric, .lessOrEqual, 0.5),
        ReportedValueCase("maximum: 0.5", .numeric, .lessOrEqual, 0.5),
        ReportedValueCase("NMT 0.5", .numeric, .lessOrEqual, 0.5),
        ReportedValueCase("not more than 0.5", .numeric, .lessOrEqual, 0.5),
        ReportedValueCase("NLT 99.0", .numeric, .greaterOrEqual, 99),
        ReportedValueCase("min. 99.0", .numeric, .greaterOrEqual, 99),
        ReportedValueCase("greater than 99", .numeric, .greaterThan, 99),
        ReportedValueCase("0.5 max", .numeric, .lessOrEqual, 0.5),
        ReportedValueCase("0.5 % max.", .numeric, .lessOrEqual, 0.5, unit: "%"),
        ReportedValueCase("99.0 min", .numeric, .greaterOrEqual, 99),
        ReportedValueCase("< -30", .numeric, .lessThan, -30),
    ])
    func qualifiers(_ value: ReportedValueCase) { value.check() }

    @Test(arguments: [
        ReportedValueCase("ND", .notDetected, .notDetected),
        ReportedValueCase("nd", .notDetected, .notDetected),
        ReportedValueCase("n.d.", .notDetected, .notDetected),
        ReportedValueCase("N.D.", .notDetected, .notDetected),
        ReportedValueCase("n/d", .notDetected, .notDetected),
        ReportedValueCase("Not detected", .notDetected, .notDetected),
        ReportedValueCase("none detected", .notDetected, .notDetected),
        ReportedValueCase("BLQ", .notDetected, .notDetected),
        ReportedValueCase("BDL", .notDetected, .notDetected),
        ReportedValueCase("below LOQ", .notDetected, .notDetected),
        ReportedValueCase("Below the limit of quantification", .notDetected, .notDetected),
        ReportedValueCase("<LOQ", .notDetected, .notDetected),
        ReportedValueCase("< LOD", .notDetected, .notDetected),
        ReportedValueCase("n.n.", .notDetected, .notDetected),
        ReportedValueCase("ND (<0.1)", .notDetected, .notDetected, 0.1),
        ReportedValueCase("ND (LOQ 0.05 mg/kg)", .notDetected, .notDetected, 0.05, unit: "mg/kg"),
        ReportedValueCase("<LOQ (0,05)", .notDetected, .notDetected, 0.05),
        ReportedValueCase("<0.05 (LOQ)", .notDetected, .notDetected, 0.05),
        ReportedValueCase("<0.1 ND", .notDetected, .notDetected, 0.1),
        ReportedValueCase("ND (see note)", .notDetected, .notDetected),
    ])
    func nonDetects(_ value: ReportedValueCase) { value.check() }

    @Test(arguments: [
        ReportedValueCase("conforms", .textualPass),
        ReportedValueCase("Conforms", .textualPass),
        ReportedValueCase("complies", .textualPass),
        ReportedValueCase("Complies with USP", .textualPass),
        ReportedValueCase("pass", .textualPass),
        ReportedValueCase("PASSES", .textualPass),
        ReportedValueCase("meets specification", .textualPass),
        ReportedValueCase("OK", .textualPass),
        ReportedValueCase("absent", .textualPass),
        ReportedValueCase("Negative", .textualPass),
        ReportedValueCase("within limits", .textualPass),
        ReportedValueCase("fails", .textualFail),
        ReportedValueCase("Failed", .textualFail),
        ReportedValueCase("does not conform", .textualFail),
        ReportedValueCase("not conforming", .textualFail),
        ReportedValueCase("non-compliant", .textualFail),
        ReportedValueCase("out of specification", .textualFail),
        ReportedValueCase("present", .textualFail),
        ReportedValueCase("white crystalline powder", .textual),
        ReportedValueCase("positive", .textual),
        ReportedValueCase("passable?", .textual),
        ReportedValueCase("see C&A report", .textual),
    ])
    func textualResults(_ value: ReportedValueCase) { value.check() }

    @Test(arguments: [
        ReportedValueCase("", .unparseable),
        ReportedValueCase("   ", .unparseable),
        ReportedValueCase("NaN", .unparseable),
        ReportedValueCase("nan", .unparseable),
        ReportedValueCase("inf", .unparseable),
        ReportedValueCase("-Infinity", .unparseable),
        ReportedValueCase("1e999", .outOfRange),
        ReportedValueCase("n/a", .unparseable),
        ReportedValueCase("-", .unparseable),
        ReportedValueCase("1.2.3", .unparseable),
        ReportedValueCase("1,2,3", .unparseable),
        ReportedValueCase("12,34,5", .unparseable),
        ReportedValueCase("1,2.3,4", .unparseable),
        ReportedValueCase("0.5-1.0", .unparseable),
        ReportedValueCase("0.5 - 1.0", .unparseable),
        ReportedValueCase("99.5 ± 0.2", .unparseable),
        ReportedValueCase("<", .unparseable),
        ReportedValueCase("< 0.5 min", .unparseable),
        ReportedValueCase("1.2×10^", .unparseable),
        ReportedValueCase(">0.1 (LOQ)", .unparseable),
        ReportedValueCase("+", .unparseable),
    ])
    func unreadable(_ value: ReportedValueCase) { value.check() }

    @Test(arguments: [
        ReportedValueCase("0.5 %", .numeric, .none, 0.5, unit: "%"),
        ReportedValueCase("0.5%", .numeric, .none, 0.5, unit: "%"),
        ReportedValueCase("<1.0 mg/kg", .numeric, .lessThan, 1, unit: "mg/kg"),
        ReportedValueCase("1 234 mPa·s", .numeric, .none, 1234, unit: "mPa·s"),
        ReportedValueCase("12 mg", .numeric, .none, 12, unit: "mg"),
        ReportedValueCase("5.", .numeric, .none, 5),
    ])
    func unitInTheValue(_ value: ReportedValueCase) { value.check() }

    @Test func decimalPointConventionReadsCommaAsThousands() {
        ReportedValueCase("1,234", .numeric, .none, 1234).check(.decimalPoint)
        ReportedValueCase("1,234.5", .numeric, .none, 1234.5).check(.decimalPoint)
        ReportedValueCase("12,34", .unparseable).check(.decimalPoint)
        ReportedValueCase("1.234,5", .unparseable).check(.decimalPoint)
    }

    @Test func decimalCommaConventionReadsPointAsThousands() {
        ReportedValueCase("1.234", .numeric, .none, 1234).check(.decimalComma)
        ReportedValueCase("1.234,5", .numeric, .none, 1234.5).check(.decimalComma)
        ReportedValueCase("0,05", .numeric, .none, 0.05).check(.decimalComma)
        ReportedValueCase("1,234.5", .unparseable).check(.decimalComma)
    }

    @Test func markers() {
        #expect(ReportedValue.parse("conforms").isTextualPass)
        #expect(!ReportedValue.parse("fails").isTextualPass)
        #expect(ReportedValue.parse("ND").isNumeric)
        #expect(ReportedValue.parse("<0.1").isNumeric)
        #expect(!ReportedValue.parse("NaN").isNumeric)
    }
}
