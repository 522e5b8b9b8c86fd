import Domain
import Foundation
import ReportModel

/// How figures read on the pages. Every function returns "no data" for nil or a non-finite value.
///
/// Rounding: half away from zero at the shown precision, applied to the binary value (2.25 → "2.3 days",
/// but 0.9645, stored as 0.96449999…, → "96.4 %"); a value that rounds to zero never shows a minus sign.
public enum ReportFormat {
    public static let noData = "no data"

    /// A fraction 0–1 as a percentage with one decimal: 0.964 → "96.4 %".
    public static func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return noData }
        return fixed(fraction * 100, decimals: 1) + " %"
    }

    /// Parts per million, whole, grouped in thousands: 12345.6 → "12,346 ppm".
    public static func ppm(_ value: Double?) -> String {
        guard let value, value.isFinite else { return noData }
        // Above what an exact integer holds (a defect row's quantity far beyond its receipt's): scientific.
        guard let whole = value.roundedInteger else { return String(format: "%.2e", value) + " ppm" }
        return grouped(whole) + " ppm"
    }

    /// Hours with one decimal: 36.25 → "36.3 h".
    /// Hours up to 48 as hours ("36.3 h"); longer as days, which is how a buyer counts a wait
    /// (394.4 h → "16.4 days").
    public static func hours(_ value: Double?) -> String {
        guard let value, value.isFinite else { return noData }
        guard value > 48 else { return fixed(value, decimals: 1) + " h" }
        return days(value / 24)
    }

    /// Days with one decimal: 2.25 → "2.3 days"; exactly one → "1.0 day".
    public static func days(_ value: Double?) -> String {
        guard let value, value.isFinite else { return noData }
        let text = fixed(value, decimals: 1)
        return text + (text == "1.0" ? " day" : " days")
    }

    /// A 0–100 score with one decimal: 87.25 → "87.3".
    public static func score(_ value: Double?) -> String {
        guard let value, value.isFinite else { return noData }
        return fixed(value, decimals: 1)
    }

    /// A signed change with one decimal: "+3.2", "−1.0" (U+2212), "±0.0"; nil → "no data".
    public static func change(_ value: Double?) -> String {
        guard let value, value.isFinite else { return noData }
        let text = fixed(abs(value), decimals: 1)
        if text == fixed(0, decimals: 1) { return "±" + text }
        return (value > 0 ? "+" : "\u{2212}") + text
    }

    /// A plain measured value (control charts, evidence): up to four significant decimals, no grouping.
    public static func value(_ value: Double?) -> String {
        guard let value, value.isFinite else { return noData }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 2 : magnitude >= 1 ? 3 : 4
        var text = fixed(value, decimals: decimals)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A day as ISO 8601: "2026-03-01".
    public static func date(_ day: Day?) -> String {
        guard let day else { return noData }
        let (year, month, dayOfMonth) = day.components
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(dayOfMonth, 2)
    }

    /// A month as "2026-03".
    public static func month(_ day: Day) -> String {
        let (year, month, _) = day.components
        return padded(year, 4) + "-" + padded(month, 2)
    }

    /// A moment in UTC to the minute: "2026-03-01 02:00 UTC".
    public static func timestamp(_ date: Date?) -> String {
        guard let date else { return noData }
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let dayNumber = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - dayNumber * 86_400
        let day = Day(daysSinceEpoch: dayNumber)
        return Self.date(day) + " " + padded(secondOfDay / 3600, 2) + ":" + padded(secondOfDay % 3600 / 60, 2)
            + " UTC"
    }

    /// A unit price: two decimals, four below 1 (0.1234); no currency, the feed records none.
    public static func price(_ value: Double?) -> String {
        guard let value, value.isFinite else { return noData }
        return fixed(value, decimals: abs(value) < 1 ? 4 : 2)
    }

    /// An amount with thousands grouped and two decimals: 12345.5 → "12,345.50".
    public static func amount(_ value: Double?) -> String {
        guard let value, value.isFinite else { return noData }
        let cents = (abs(value) * 100).rounded(.toNearestOrAwayFromZero)
        guard cents < 9e15, let whole = (cents / 100).rounded(.down).roundedInteger else {
            return String(format: "%.2e", value)
        }
        let rest = (cents - Double(whole) * 100).roundedInteger ?? 0
        let sign = value < 0 && cents > 0 ? "-" : ""
        return sign + grouped(whole) + "." + padded(rest, 2)
    }

    /// A count with thousands grouped: 1234567 → "1,234,567".
    public static func count(_ value: Int) -> String { grouped(value) }

    /// `value` rounded half away from zero to `decimals` places, without a minus sign on zero.
    /// Integer arithmetic rather than `String(format:)`, which dominated the cost of drawing charts.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 1e15 else { return String(format: "%.\(decimals)f", value) }
        let units = Int(scaled)
        var divisor = 1
        for _ in 0..<decimals { divisor *= 10 }
        let whole = String(units.magnitude / UInt(divisor))
        let sign = units < 0 ? "-" : ""
        guard decimals > 0 else { return sign + whole }
        return sign + whole + "." + padded(Int(units.magnitude % UInt(divisor)), decimals)
    }

    private static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// A non-negative number with leading zeros to `width` digits.
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
