import Foundation

/// A calendar day with no time of day and no time zone (PostgreSQL `date`).
///
/// Supplier metrics count in days (days late, lead time, windows), so the domain works in whole days;
/// conversion of timestamps to days in the configured time zone happens once, in SQL.
public struct Day: Hashable, Comparable, Sendable, Strideable, CustomStringConvertible {
    /// Days since 1970-01-01 (proleptic Gregorian).
    public var daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    public init(year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar, no Foundation calendar.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        daysSinceEpoch = era * 146097 + doe - 719468
    }

    /// Parses `YYYY-MM-DD`; returns nil for anything else, including impossible dates such as 2026-02-30.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), d >= 1, d <= Day.daysInMonth(year: y, month: m)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    public var description: String { iso }

    /// The first day of this day's month, for monthly series.
    public var startOfMonth: Day {
        let (y, m, _) = components
        return Day(year: y, month: m, day: 1)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }
    public func advanced(by n: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + n) }
    public func distance(to other: Day) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Today in UTC; the job's default as-of date.
    public static func today(in timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) -> Day {
        let seconds = Date().timeIntervalSince1970 + Double(timeZone.secondsFromGMT())
        return Day(daysSinceEpoch: Int((seconds / 86_400).rounded(.down)))
    }
}
