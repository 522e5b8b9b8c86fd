import Domain

/// How a supplier writes a date: `iso` (the default: `YYYY-MM-DD`, a time and an offset may follow),
/// `excel` (a spreadsheet's day serial, `46083`), or a pattern of `d`/`dd`, `M`/`MM`, `MMM`/`MMMM`
/// (a month name, see ``MonthNames``), `yy`/`yyyy` and literal separators: `dd.MM.yyyy`,
/// `MM/dd/yyyy`, `d MMMM yyyy`, `MMMM d, yyyy`, `d 'de' MMMM 'de' yyyy` (quoted text is literal). A time after the date is allowed and ignored: the
/// day is the one the supplier wrote, offsets do not move it.
public struct DatePattern: Sendable, Hashable, CustomStringConvertible {
    enum Part: Sendable, Hashable {
        case day, month, monthName, year2, year4
        case literal(Character)
    }

    enum Kind: Sendable, Hashable {
        case iso, excel
        case parts([Part])
    }

    public let description: String
    let kind: Kind

    public static let iso = DatePattern(description: "iso", kind: .iso)

    private init(description: String, kind: Kind) {
        self.description = description
        self.kind = kind
    }

    /// Checks `pattern`; the error says what is wrong and, when it is a matter of case, the fix.
    public init(_ pattern: String) throws(DatePatternError) {
        description = pattern
        switch pattern {
        case "iso": kind = .iso
        case "excel": kind = .excel
        default: kind = .parts(try Self.parts(of: pattern))
        }
    }

    private static func parts(of pattern: String) throws(DatePatternError) -> [Part] {
        var parts: [Part] = []
        let characters = Array(pattern)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            // Quoted text is literal: `d 'de' MMMM 'de' yyyy`.
            if character == "'" {
                var end = index + 1
                while end < characters.count && characters[end] != "'" { end += 1 }
                guard end < characters.count else { throw DatePatternError(pattern: pattern, token: "'") }
                parts += characters[(index + 1)..<end].map { Part.literal($0) }
                index = end + 1
                continue
            }
            var run = 1
            while index + run < characters.count && characters[index + run] == character { run += 1 }
            defer { index += character.isLetter ? run : 1 }
            guard character.isLetter else {
                parts.append(.literal(character))
                continue
            }
            let token = String(repeating: character, count: run)
            switch (character, run) {
            case ("d", 1...2): parts.append(.day)
            case ("M", 1...2): parts.append(.month)
            case ("M", 3...4): parts.append(.monthName)
            case ("y", 2): parts.append(.year2)
            case ("y", 4): parts.append(.year4)
            default: throw DatePatternError(pattern: pattern, token: token)
            }
        }
        let fields = parts.filter { if case .literal = $0 { false } else { true } }
        let days = fields.filter { $0 == .day }.count
        let months = fields.filter { $0 == .month || $0 == .monthName }.count
        let years = fields.filter { $0 == .year2 || $0 == .year4 }.count
        guard days == 1, months == 1, years == 1 else {
            throw DatePatternError(pattern: pattern, token: nil)
        }
        return parts
    }
}

/// A `dateFormat` that is not a pattern this reader knows.
public struct DatePatternError: Error, Sendable, Hashable, CustomStringConvertible {
    public var pattern: String
    /// The part not understood, or nil when a day, month or year is missing or repeated.
    public var token: String?

    public var description: String {
        let known = "use 'iso', 'excel' or d/dd, M/MM, MMM/MMMM, yy/yyyy with separators"
        guard let token else { return "'\(pattern)' needs one day, one month and one year; \(known)" }
        let suggestion = pattern.replacingOccurrences(of: "D", with: "d").replacingOccurrences(
            of: "Y", with: "y"
        )
        .replacingOccurrences(of: "m", with: "M")
        if suggestion != pattern, (try? DatePattern(suggestion)) != nil {
            return "'\(token)' is not a date part; did you mean '\(suggestion)'?"
        }
        return "'\(token)' is not a date part; \(known)"
    }
}
