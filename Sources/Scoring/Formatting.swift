import Domain
import Foundation

/// Figures as they appear in flag messages: "96 %", "4.8×", "9.4 days", "52 h", "2,000".
///
/// Never traps: a figure past what an exact integer holds (from a CoA or an ERP row that slipped through)
/// prints in scientific notation, a non-finite one in words.
enum Fmt {
    static func percent(_ rate: Double) -> String { "\(whole(rate * 100)) %" }

    /// A share to one decimal where it has one: "97.5 %", "95 %" (confidence levels).
    static func percentTenths(_ rate: Double) -> String { "\(oneDecimal(rate * 100)) %" }

    /// A share beside a limit it is compared with: whole percent, unless that would print the limit's
    /// own figure for a value on the other side of it ("79.6 %" against 80 %, not "80 %").
    static func percentBeside(_ rate: Double, limit: Double) -> String {
        let text = percent(rate)
        guard text == percent(limit), rate != limit else { return text }
        let tenths = percentTenths(rate)
        return tenths == percentTenths(limit) ? "\(number(rate * 100)) %" : tenths
    }

    /// Two decimals, or three where two would print a value on the other side of `limit` as the limit
    /// itself (Cpk 1.327 against 1.33, not "1.33").
    static func twoDecimalsBeside(_ value: Double, limit: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return outOfScale(value) }
        let two = String(format: "%.2f", value)
        return value != limit && two == String(format: "%.2f", limit) ? String(format: "%.3f", value) : two
    }

    static func times(_ factor: Double) -> String { "\(oneDecimal(factor))×" }

    static func days(_ value: Double) -> String {
        let text = oneDecimal(value)
        return text == "1" ? "1 day" : "\(text) days"
    }

    static func hours(_ value: Double) -> String {
        value < 10 ? "\(oneDecimal(value)) h" : "\(whole(value)) h"
    }

    /// One decimal, without a trailing ".0".
    static func oneDecimal(_ value: Double) -> String {
        guard let tenths = (value * 10).roundedInteger else { return outOfScale(value) }
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }

    /// Plain figure with thousands separators and at most three significant decimals.
    static func number(_ value: Double) -> String {
        guard let whole = value.roundedInteger else { return outOfScale(value) }
        if value.rounded() == value || abs(value) >= 100 { return grouped(whole) }
        var text = String(format: "%.3g", value)
        if text.contains("e") { text = String(value) }
        return text
    }

    /// A value as it was written or stored (a limit, a reported result): every digit it has, none it has
    /// not (`100.5` is never "101", `99.0` is "99").
    static func exact(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return outOfScale(value) }
        if value == value.rounded(), let whole = value.roundedInteger { return String(whole) }
        let text = "\(value)"
        guard text.contains("e") else { return text }
        // Below 1e-4 Swift writes an exponent: spell the decimals out, trailing zeros dropped.
        var fixed = String(format: "%.15f", value)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        return fixed
    }

    /// A computed figure (a mean) to the decimals that `resolution` needs: a hundredth of the tolerance
    /// width gives "100.28" beside limits 99.0 … 100.5.
    static func measured(_ value: Double, resolution: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return outOfScale(value) }
        guard resolution.isFinite, resolution > 0 else { return exact(value) }
        let decimals = min(max(Int(exactly: (-log10(resolution)).rounded(.up)) ?? 0, 0), 9)
        return String(format: "%.\(decimals)f", value)
    }

    /// A whole figure, without grouping.
    static func whole(_ value: Double) -> String {
        value.roundedInteger.map { String($0) } ?? outOfScale(value)
    }

    /// A value no exact integer holds: three significant digits in scientific notation, or words.
    static func outOfScale(_ value: Double) -> String {
        if value.isNaN { return "not a number" }
        if value.isInfinite { return value < 0 ? "minus infinity" : "infinity" }
        return String(format: "%.2e", value)
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
