import Foundation

/// Timestamp text in the two shapes we meet: ISO 8601 we send, and what the server prints for
/// timestamptz with DateStyle ISO and TimeZone UTC. Plain calendar arithmetic (no locale, no formatter
/// objects) so it is exact to the microsecond, fast, and safe from any thread.
enum PostgresTimestamp {
    private static let secondsFrom1970To2001: Int64 = 978_307_200

    /// `2026-03-04T10:00:00.123Z`: at least milliseconds, up to microseconds, trailing zeros trimmed.
    static func format(_ date: Date) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(27)
        append(date, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends what ``format(_:)`` returns (nothing in it needs escaping in COPY text).
    static func append(_ date: Date, to buffer: inout [UInt8]) {
        let scaled = (date.timeIntervalSinceReferenceDate * 1_000_000).rounded()
        // NaN makes the server reject the value, which beats storing a wrong date.
        if scaled.isNaN { return buffer.append(contentsOf: "NaN".utf8) }
        // Past what Int64 microseconds hold (and far past PostgreSQL's range, 294276 AD).
        guard abs(scaled) < 9e18 else {
            return buffer.append(contentsOf: (scaled < 0 ? "-infinity" : "infinity").utf8)
        }
        let micros = Int64(scaled) + secondsFrom1970To2001 * 1_000_000
        let seconds = floorDivide(micros, 1_000_000)
        var fraction = micros - seconds * 1_000_000
        let days = floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        var fractionDigits = 6
        while fractionDigits > 3 && fraction % 10 == 0 {
            fraction /= 10
            fractionDigits -= 1
        }
        if year < 0 {
            // As `String(year)` padded with zeros in front to four characters, sign included.
            let digits = String(year)
            buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, 4 - digits.utf8.count)))
            buffer.append(contentsOf: digits.utf8)
        } else {
            PostgresCopyText.appendPadded(year, width: 4, to: &buffer)
        }
        buffer.append(UInt8(ascii: "-"))
        PostgresCopyText.appendPadded(month, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        PostgresCopyText.appendPadded(day, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: "T"))
        PostgresCopyText.appendPadded(secondOfDay / 3600, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        PostgresCopyText.appendPadded(secondOfDay / 60 % 60, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        PostgresCopyText.appendPadded(secondOfDay % 60, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: "."))
        PostgresCopyText.appendPadded(fraction, width: fractionDigits, to: &buffer)
        buffer.append(UInt8(ascii: "Z"))
    }

    /// `YYYY-MM-DD`, optionally followed by ` HH:MM:SS[.ffffff]` (or `T`) and a zone `Z`, `±HH[:MM[:SS]]`.
    /// Nil for anything else (including `infinity` and BC dates).
    static func parse(_ text: String) -> Date? {
        var scanner = Scanner(Array(text.utf8))
        guard let year = scanner.number(minDigits: 4, maxDigits: 7), scanner.skip("-"),
            let month = scanner.number(minDigits: 2, maxDigits: 2), scanner.skip("-"),
            let day = scanner.number(minDigits: 2, maxDigits: 2), (1...12).contains(month),
            (1...31).contains(day)
        else { return nil }
        var seconds = days(fromYear: year, month: month, day: day) * 86_400
        var micros: Int64 = 0
        if scanner.skip(" ") || scanner.skip("T") {
            guard let hour = scanner.number(minDigits: 2, maxDigits: 2), scanner.skip(":"),
                let minute = scanner.number(minDigits: 2, maxDigits: 2), scanner.skip(":"),
                let second = scanner.number(minDigits: 2, maxDigits: 2), hour < 24, minute < 60, second < 61
            else { return nil }
            seconds += hour * 3600 + minute * 60 + second
            if scanner.skip(".") {
                guard let (value, digits) = scanner.digits(maxDigits: 9) else { return nil }
                micros = value
                var scale = digits
                while scale < 6 {
                    micros *= 10
                    scale += 1
                }
                while scale > 6 {
                    micros /= 10
                    scale -= 1
                }
            }
            if scanner.skip("Z") {
                // UTC
            } else if let sign = scanner.sign() {
                guard let zoneHours = scanner.number(minDigits: 2, maxDigits: 2) else { return nil }
                var offset = zoneHours * 3600
                if scanner.skip(":") {
                    guard let zoneMinutes = scanner.number(minDigits: 2, maxDigits: 2) else { return nil }
                    offset += zoneMinutes * 60
                    if scanner.skip(":") {
                        guard let zoneSeconds = scanner.number(minDigits: 2, maxDigits: 2) else { return nil }
                        offset += zoneSeconds
                    }
                }
                seconds -= sign * offset
            }
        }
        guard scanner.atEnd else { return nil }
        let sinceReference = Double(seconds - secondsFrom1970To2001) + Double(micros) / 1_000_000
        return Date(timeIntervalSinceReferenceDate: sinceReference)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    static func days(fromYear year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``days(fromYear:month:day:)``.
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func sign() -> Int64? {
            if skip("+") { return 1 }
            if skip("-") { return -1 }
            return nil
        }

        mutating func digits(maxDigits: Int) -> (value: Int64, count: Int)? {
            var value: Int64 = 0
            var count = 0
            while index < bytes.count, count < maxDigits, (48...57).contains(bytes[index]) {
                value = value * 10 + Int64(bytes[index] - 48)
                index += 1
                count += 1
            }
            return count == 0 ? nil : (value, count)
        }

        mutating func number(minDigits: Int, maxDigits: Int) -> Int64? {
            guard let (value, count) = digits(maxDigits: maxDigits), count >= minDigits else { return nil }
            return value
        }
    }
}
