import Foundation

/// Figures as they appear in flag messages: "96 %", "4.8×", "9.4 days", "52 h", "2,000".
enum Fmt {
    static func percent(_ rate: Double) -> String { "\(Int((rate * 100).rounded())) %" }

    static func times(_ factor: Double) -> String { "\(oneDecimal(factor))×" }

    static func days(_ value: Double) -> String {
        let text = oneDecimal(value)
        return text == "1" ? "1 day" : "\(text) days"
    }

    static func hours(_ value: Double) -> String {
        value < 10 ? "\(oneDecimal(value)) h" : "\(Int(value.rounded())) h"
    }

    /// One decimal, without a trailing ".0".
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }

    /// Plain figure with thousands separators and at most three significant decimals.
    static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 {
            return grouped(Int(value))
        }
        if abs(value) >= 100 { return grouped(Int(value.rounded())) }
        var text = String(format: "%.3g", value)
        if text.contains("e") { text = String(value) }
        return text
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
