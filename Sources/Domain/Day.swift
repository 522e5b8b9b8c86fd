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
        // Every date the database sends goes through here: read the ten bytes in place when possible.
        let parsed =
            text.utf8.withContiguousStorageIfAvailable(Day.parseISO)
            ?? Array(text.utf8.prefix(11)).withUnsafeBufferPointer(Day.parseISO)
        guard let parsed else { return nil }
        self = parsed
    }

    /// `YYYY-MM-DD` as UTF-8 bytes (the database's date text, read in place).
    public init?(isoBytes: UnsafeBufferPointer<UInt8>) {
        guard let day = Day.parseISO(isoBytes) else { return nil }
        self = day
    }

    private static func parseISO(_ utf8: UnsafeBufferPointer<UInt8>) -> Day? {
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
        func digit(_ index: Int) -> Int? {
            let value = Int(utf8[index]) - 48
            return (0...9).contains(value) ? value : nil
        }
        guard let y1 = digit(0), let y2 = digit(1), let y3 = digit(2), let y4 = digit(3),
            let m1 = digit(5), let m2 = digit(6), let d1 = digit(8), let d2 = digit(9)
        else { return nil }
        let y = y1 * 1000 + y2 * 100 + y3 * 10 + y4
        let m = m1 * 10 + m2
        let d = d1 * 10 + d2
        guard (1...12).contains(m), d >= 1, d <= Day.daysInMonth(year: y, month: m) else { return nil }
        return Day(year: y, month: m, day: d)
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
        guard (0...9999).contains(y) else { return String(format: "%04d-%02d-%02d", y, m, d) }
        let zero = UInt8(ascii: "0")
        let bytes: [UInt8] = [
            zero + UInt8(y / 1000), zero + UInt8(y / 100 % 10), zero + UInt8(y / 10 % 10),
            zero + UInt8(y % 10),
            UInt8(ascii: "-"), zero + UInt8(m / 10), zero + UInt8(m % 10),
            UInt8(ascii: "-"), zero + UInt8(d / 10), zero + UInt8(d % 10),
        ]
        return String(decoding: bytes, as: UTF8.self)
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
