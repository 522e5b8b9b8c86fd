import Domain
import Testing

@testable import CoA

/// The intake's short cuts (plain numbers, ISO days, collapsed text, stated units) must give exactly what
/// the full rules give, and must leave everything else to them.
@Suite struct FastPathEquivalenceTests {
    static let texts = [
        "12", "0", "007", "-0.35", " 99.62 ", "\t99,62\n", "1,234", "1.234", "12.5", "-12,5", "1e3",
        "1.", ".5", "-", "--5", "0-5", "1.2.3", "1,2.3", "12 mg", "+5", "−5", "<0.05", "ND", "5 %",
        "1 234", "١٢", "5\u{301}", "conforms", "Conforms", "CONFORMS", "entspricht", "n.d.", "N.D.", "Nd",
        "not detected", "Fails", "conforms.", "", "   ", "1,234,567", "123456789012345678901234567890",
        String(repeating: "9", count: 400),
    ]

    @Test(arguments: DecimalConvention.allCases)
    func parseEqualsTheFullRules(convention: DecimalConvention) {
        for text in Self.texts {
            let full = ReportedValue.parseInFull(text, convention: convention)
            #expect(ReportedValue.parse(text, convention: convention) == full, "\(text) \(convention)")
        }
    }

    @Test func plainNumbersAreTakenAndTheRestLeft() {
        #expect(ReportedValue.plainNumber(" 99.62 ", convention: .automatic) == 99.62)
        #expect(ReportedValue.plainNumber("-12,5", convention: .automatic) == -12.5)
        #expect(ReportedValue.plainNumber("1,234", convention: .decimalComma) == 1.234)
        // Under a fixed convention the other mark groups thousands: the full rules decide (1234).
        #expect(ReportedValue.plainNumber("1,234", convention: .decimalPoint) == nil)
        #expect(ReportedValue.parse("1,234", convention: .decimalPoint).number == 1234)
        for text in ["1.", ".5", "-", "+5", "1e3", "<0.05", "12 mg", "1 234", "1.2.3"] {
            #expect(ReportedValue.plainNumber(text, convention: .automatic) == nil, "\(text)")
        }
        // Too large for a finite Double: left to the full rules, which call it unreadable.
        let huge = String(repeating: "9", count: 400)
        #expect(ReportedValue.plainNumber(huge, convention: .automatic) == nil)
        #expect(ReportedValue.parse(huge).kind == .outOfRange)
    }

    @Test func phrasesReadAlone() {
        #expect(ReportedValue.parse("conforms").kind == .textualPass)
        #expect(ReportedValue.parse("Entspricht").kind == .textualPass)
        #expect(ReportedValue.parse("FAILS").kind == .textualFail)
        #expect(ReportedValue.parse("n.d.") == ReportedValue(kind: .notDetected, qualifier: .notDetected))
        #expect(ReportedValue.parse("conforms, see note").kind == .textualPass)  // not a phrase: full rules
    }

    @Test func daysReadTheFirstTenCharacters() {
        let valid = [
            "2026-03-04": Day(year: 2026, month: 3, day: 4),
            "2026-03-04T10:00:00Z": Day(year: 2026, month: 3, day: 4),
            "2024-02-29": Day(year: 2024, month: 2, day: 29),
            "2026-03-31": Day(year: 2026, month: 3, day: 31),
        ]
        for (text, expected) in valid { #expect(day(text) == expected, "\(text)") }
        let invalid = [
            "2026-02-29", "2026-13-01", "2026-00-10", "2026-3-4", "26-03-04", "2026/03/04", "", "2026-03-0x",
            "2026-03-04\u{301}", "+026-03-04", "2026-04-31",
        ]
        for text in invalid { #expect(day(text) == nil, "\(text)") }
    }

    @Test func collapseKeepsOrCopies() {
        #expect(collapse("Zinc oxide USP") == "Zinc oxide USP")
        #expect(collapse("  Zinc \n\t oxide  ") == "Zinc oxide")
        #expect(collapse("a  b") == "a b")
        #expect(collapse(" ") == "")
        #expect(collapse("") == "")
        #expect(collapse("x ") == "x")
    }

    @Test func missingUnits() {
        for spelling in [nil, "", " ", "-", "n/a", "N/A", "na", "--"] as [String?] {
            #expect(UnitCatalog.isMissing(spelling), "\(spelling ?? "nil")")
        }
        for spelling in ["%", "mg/kg", "1", "°C", "g/ml", "furlongs"] {
            #expect(!UnitCatalog.isMissing(spelling), "\(spelling)")
        }
    }
}
