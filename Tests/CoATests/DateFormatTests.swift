import Domain
import Foundation
import Testing

@testable import CoA

/// Each date style suppliers write, from a file, through a profile's `dateFormat`; a date that cannot be
/// read is a warning on the certificate, never a silent "not stated".
@Suite struct DateFormatTests {
    private func json(_ dateFormat: String?, field: String = #""manufactured": "/Coa/Produced""#) -> String {
        let format = dateFormat.map { #""dateFormat": \#($0), "# } ?? ""
        return """
            {"name": "dated", \(format)"match": {"root": "Coa"}, "document": {"lotNumber": "/Coa/@lot", \(field)},
             "results": [{"select": "/Coa/R", "characteristic": "@n", "value": "."}]}
            """
    }

    private func profile(_ dateFormat: String?, field: String = #""manufactured": "/Coa/Produced""#) throws
        -> CoAProfile
    {
        try CoAProfile.load(data: Data(json(dateFormat, field: field).utf8), file: "dated.json")
    }

    private func read(_ file: String, with profile: CoAProfile) throws -> Certificate {
        try CoAReader(profiles: [profile]).read(FixtureFiles.bytes("dates/\(file).xml")).get()
    }

    static let styles: [(file: String, format: String)] = [
        ("dotted", #""dd.MM.yyyy""#), ("us-slashes", #""MM/dd/yyyy""#), ("english", #""d MMMM yyyy""#),
        ("english-us", #""MMMM d, yyyy""#), ("german", #""d. MMMM yyyy""#), ("french", #""d MMMM yyyy""#),
        ("spanish", #""d 'de' MMMM 'de' yyyy""#), ("italian", #""d MMMM yyyy""#),
        ("dutch", #""d MMMM yyyy""#),
        ("portuguese", #""d 'de' MMMM 'de' yyyy""#), ("polish", #""d MMMM yyyy""#),
        ("abbreviated", #""dd-MMM-yy""#), ("iso-offset", #""iso""#), ("iso-date-offset", #""iso""#),
        ("excel", #""excel""#), ("dotted", #"["iso", "dd.MM.yyyy"]"#),
    ]

    @Test(arguments: styles) func eachStyleReadsAsTheDayWritten(style: (file: String, format: String)) throws
    {
        let certificate = try read(style.file, with: try profile(style.format))
        #expect(certificate.manufactured == Day(year: 2026, month: 3, day: 2), "\(style.file)")
        #expect(certificate.warnings == [], "\(style.file)")
    }

    @Test func aFieldsOwnFormatWinsOverTheProfiles() throws {
        let certificate = try read(
            "us-slashes",
            with: try profile(
                #""dd.MM.yyyy""#,
                field: #""manufactured": {"xpath": "/Coa/Produced", "dateFormat": "MM/dd/yyyy"}"#))
        #expect(certificate.manufactured == Day(year: 2026, month: 3, day: 2))
    }

    @Test func anImpossibleDayIsAWarningNotADay() throws {
        let iso = try read("invalid", with: try profile(nil))
        #expect(iso.manufactured == nil)
        #expect(
            iso.warnings.map(\.description) == [
                "document.manufactured: '2026-02-30' is not a day: month 2 of 2026 has 28 days (iso); read as not stated"
            ])
        let dotted = try read("invalid-dotted", with: try profile(#""dd.MM.yyyy""#))
        #expect(dotted.warnings.first?.problem.hasPrefix("is not a day: month 2 of 2026 has 28 days") == true)
    }

    @Test func aDateInAnotherStyleIsAWarning() throws {
        let certificate = try read("wrong-style", with: try profile(#""dd.MM.yyyy""#))
        #expect(certificate.manufactured == nil)
        #expect(
            certificate.warnings.map(\.description) == [
                "document.manufactured: 'March 2, 2026' is not a date written as 'dd.MM.yyyy'; read as not stated"
            ])
        // Without a dateFormat, the default ISO reading names itself.
        #expect(try read("dotted", with: try profile(nil)).warnings.first?.problem.contains("'iso'") == true)
    }

    @Test func beforeNineteenSeventyIsAWarning() {
        #expect(DatePattern.iso.read("1969-12-31") == .invalid("is before 1970-01-01"))
        #expect((try? DatePattern("excel"))?.read("1") == .invalid("is before 1970-01-01"))
        #expect((try? DatePattern("excel"))?.read("1e300") == .noMatch)
        #expect(
            (try? DatePattern("excel"))?.read("99999999")
                == .invalid("is outside the days a spreadsheet counts"))
    }

    @Test func aPatternThatIsNotOneIsAProfileError() {
        for (format, problem) in [
            (#""DD.MM.YYYY""#, "dateFormat: 'DD' is not a date part; did you mean 'dd.MM.yyyy'?"),
            (
                #""dd.MM""#,
                "dateFormat: 'dd.MM' needs one day, one month and one year; use 'iso', 'excel' or d/dd, M/MM, MMM/MMMM, yy/yyyy with separators"
            ),
            (#"[]"#, "dateFormat: needs at least one date pattern"),
            (#"3"#, "dateFormat: expected a date pattern or an array of them, found a number"),
        ] {
            #expect(profileProblems(json(format)) == [problem])
        }
        let field = #""manufactured": {"xpath": "/Coa/Produced", "dateFromat": "dd"}"#
        #expect(
            profileProblems(json(nil, field: field)) == [
                "document.manufactured.dateFromat: unknown key; did you mean 'dateFormat'?"
            ])
    }

    @Test func monthNamesInEveryLanguageRead() {
        let spellings = [
            "Januar", "Jänner", "janvier", "enero", "gennaio", "januari", "janeiro", "stycznia", "févr.",
            "MÄRZ",
            "Mrz", "août", "dic", "październik",
        ]
        #expect(spellings.map(MonthNames.month) == [1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 3, 8, 12, 10])
    }
}
