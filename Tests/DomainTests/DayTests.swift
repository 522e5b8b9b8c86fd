import Domain
import Testing

@Suite struct DayTests {
    @Test func roundTripsThroughISOText() throws {
        for text in ["1970-01-01", "2000-02-29", "2026-11-23", "1969-12-31", "2100-03-01"] {
            let day = try #require(Day(iso: text))
            #expect(day.iso == text)
        }
    }

    @Test func knowsTheEpochAndLeapYears() throws {
        #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(Day(iso: "2024-03-01")?.daysSinceEpoch == 19783)
        let feb28 = try #require(Day(iso: "2024-02-28"))
        #expect(feb28.advanced(by: 1).iso == "2024-02-29")
        #expect(feb28.advanced(by: 2).iso == "2024-03-01")
    }

    @Test(arguments: [
        "2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "", "2026-01-01T00:00", "abcd-ef-gh",
    ])
    func rejectsMalformedText(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func startOfMonth() {
        #expect(Day(year: 2026, month: 3, day: 17).startOfMonth.iso == "2026-03-01")
    }
}
