import Foundation

/// A supplier's limits written as text, the way specifications print them: a range (`98.0 - 101.0`,
/// `98,0 – 101,0 %`, `98.0 to 101.0`, `between 98 and 101`) or one side in pharmacopeia or symbol
/// wording (`NMT 0.5`, `not more than 0.5 %`, `≤ 0,5 %`, `max. 0.5`, `0.5 max`, `NLT 99.0`,
/// `min. 10,0`, `< 0.5`, `> 5`). `<` and `>` exclude their own value; the words and `≤`/`≥` include it.
public struct LimitText: Sendable, Hashable {
    public var lower: Double?
    public var upper: Double?
    public var lowerExclusive = false
    public var upperExclusive = false
    /// A unit written with the limits (`%` in `≤ 0,5 %`), as written.
    public var unit: String?

    /// The limits `text` states, or why it states none that can be used.
    public static func parse(_ text: String, convention: DecimalConvention = .automatic) -> Result<
        LimitText, LimitTextProblem
    > {
        let written = collapse(text)
        guard !written.isEmpty else { return .failure(LimitTextProblem("is empty")) }
        if let (left, right) = range(written) {
            return bounds(left, right, convention: convention)
        }
        let value = ReportedValue.parse(written, convention: convention)
        guard value.kind == .numeric, let number = value.number else {
            return .failure(LimitTextProblem("is not a limit (a range or NMT/NLT/≤/≥/max/min with a number)"))
        }
        var limits = LimitText(unit: value.unitText)
        switch value.qualifier {
        case .lessOrEqual: limits.upper = number
        case .lessThan: (limits.upper, limits.upperExclusive) = (number, true)
        case .greaterOrEqual: limits.lower = number
        case .greaterThan: (limits.lower, limits.lowerExclusive) = (number, true)
        case .none, .notDetected:
            return .failure(
                LimitTextProblem("is a number without a side: say NMT/NLT, ≤/≥, max/min or give a range"))
        }
        return .success(limits)
    }

    private static func bounds(_ left: String, _ right: String, convention: DecimalConvention) -> Result<
        LimitText, LimitTextProblem
    > {
        let low = ReportedValue.parse(left, convention: convention)
        let high = ReportedValue.parse(right, convention: convention)
        // `NLT 98 and NMT 101`, `> 0.2 - < 0.4`: each side may say its own exclusivity.
        let lowSides: [Qualifier] = [.none, .greaterOrEqual, .greaterThan]
        let highSides: [Qualifier] = [.none, .lessOrEqual, .lessThan]
        guard low.kind == .numeric, lowSides.contains(low.qualifier), let lower = low.number,
            high.kind == .numeric, highSides.contains(high.qualifier), let upper = high.number
        else { return .failure(LimitTextProblem("is not a range of two numbers")) }
        if let a = low.unitText, let b = high.unitText, a != b {
            return .failure(LimitTextProblem("gives two units, \(a) and \(b)"))
        }
        guard lower <= upper else { return .failure(LimitTextProblem("has its lower limit above the upper")) }
        return .success(
            LimitText(
                lower: lower, upper: upper, lowerExclusive: low.qualifier == .greaterThan,
                upperExclusive: high.qualifier == .lessThan, unit: high.unitText ?? low.unitText))
    }

    /// The two sides of a range, split at its word or dash; nil when the text is not a range. A `-`
    /// right after a digit (or a unit) separates; one at the start or after `e` is a sign.
    static func range(_ text: String) -> (String, String)? {
        var body = text
        for prefix in ["between ", "from ", "zwischen ", "von "] where body.lowercased().hasPrefix(prefix) {
            body = String(body.dropFirst(prefix.count))
        }
        for separator in [" to ", " and ", " bis ", " und ", " à ", " a ", "...", "..", "–", "—", " - "] {
            if let found = body.range(of: separator, options: .caseInsensitive) {
                let left = body[..<found.lowerBound].trimmingCharacters(in: .whitespaces)
                let right = body[found.upperBound...].trimmingCharacters(in: .whitespaces)
                if !left.isEmpty && !right.isEmpty { return (left, right) }
            }
        }
        let characters = Array(body)
        for index in characters.indices.dropFirst() where characters[index] == "-" {
            let before = characters[index - 1]
            if before.isNumber || before == "%"
                || before == " " && index >= 2 && characters[index - 2].isNumber
            {
                let left = String(characters[..<index]).trimmingCharacters(in: .whitespaces)
                let right = String(characters[(index + 1)...]).trimmingCharacters(in: .whitespaces)
                if !left.isEmpty && !right.isEmpty { return (left, right) }
            }
        }
        return nil
    }
}

/// Why a limit text gives no limits.
public struct LimitTextProblem: Error, Sendable, Hashable {
    public var text: String

    init(_ text: String) {
        self.text = text
    }
}
