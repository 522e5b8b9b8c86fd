import Domain

/// PostgreSQL text-format values, written by hand: `String(format:)` is far too slow for a million rows,
/// and plain fixed decimals never come out in scientific notation.
enum TextFormat {
    private static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// `value` with exactly `decimals` decimals (0...6), point as separator.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        let scale = powers[decimals]
        let scaled = Int((abs(value) * scale).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        if decimals == 0 { return sign + String(scaled) }
        let whole = scaled / Int(scale)
        let fraction = scaled % Int(scale)
        return sign + String(whole) + "." + padded(fraction, decimals)
    }

    /// `n` left-padded with zeros to `width` digits (longer numbers are kept whole).
    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        if digits.count >= width { return digits }
        return String(repeating: "0", count: width - digits.count) + digits
    }

    /// `YYYY-MM-DD`.
    static func day(_ day: Day) -> String {
        let (y, m, d) = day.components
        return padded(y, 4) + "-" + padded(m, 2) + "-" + padded(d, 2)
    }

    /// ISO 8601 in UTC with `Z`, from seconds since the epoch.
    static func timestamp(_ instant: Int) -> String {
        let day = Day(daysSinceEpoch: instant.floorDiv(86_400))
        let seconds = instant - day.daysSinceEpoch * 86_400
        return TextFormat.day(day) + "T" + padded(seconds / 3600, 2) + ":" + padded(seconds / 60 % 60, 2)
            + ":" + padded(seconds % 60, 2) + "Z"
    }

    static func bool(_ value: Bool) -> String { value ? "t" : "f" }

    /// An id such as `SUP-0007`.
    static func id(_ prefix: String, _ n: Int, _ width: Int) -> String {
        prefix + "-" + padded(n, width)
    }

    /// Text escaped for XML character data and attribute values.
    static func xml(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension Int {
    /// Division rounding toward minus infinity (instants before 1970 stay on the right day).
    func floorDiv(_ divisor: Int) -> Int {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}

/// Seconds since the epoch at a day and a time of day.
func instant(_ day: Day, minutes: Int) -> Int {
    day.daysSinceEpoch * 86_400 + minutes * 60
}

/// The day an instant falls on (UTC).
func dayOf(_ instant: Int) -> Day {
    Day(daysSinceEpoch: instant.floorDiv(86_400))
}
