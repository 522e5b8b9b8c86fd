import Domain
import Testing

@Suite struct DayTests {
    @Test func roundTripsThroughISOText() throws {
        for text in [
            "1970-01-01", "2000-02-29", "2026-11-23", "1969-12-31", "2100-03-01", "0001-01-01", "9999-12-31",
        ] {
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
        "+026-01-01", "2026-00-10", "2026-01-00", "2026/01/01", "2026-01-1 ", " 2026-01-01", "２０２６-01-01",
        "2025-02-29", "1900-02-29",
    ])
    func rejectsMalformedText(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    /// Every day of four centuries (leap years and the century rules) prints and reads back the same.
    @Test func everyDayOfFourCenturiesRoundTrips() {
        var mismatches = 0
        for offset in stride(from: Day(iso: "1900-01-01")?.daysSinceEpoch ?? 0, to: 146_097 - 25_567, by: 1) {
            let day = Day(daysSinceEpoch: offset)
            if Day(iso: day.iso) != day { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(Day(iso: "2000-02-29") != nil)
    }

    @Test func readsDatabaseBytesInPlace() {
        func day(_ text: String) -> Day? { Array(text.utf8).withUnsafeBufferPointer { Day(isoBytes: $0) } }
        #expect(day("2024-02-29") == Day(year: 2024, month: 2, day: 29))
        #expect(day("2023-02-29") == nil)
        #expect(day("infinity") == nil)
        #expect(day("2024-02-29 BC") == nil)
    }

    @Test func startOfMonth() {
        #expect(Day(year: 2026, month: 3, day: 17).startOfMonth.iso == "2026-03-01")
    }
}
