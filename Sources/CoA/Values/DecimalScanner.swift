/// Reads one number (sign, digits with decimal mark and thousands groups, exponent) from characters.
enum DecimalScanner {
    enum Scan: Equatable {
        /// No digit where the number should start: the text is not a number.
        case noNumber
        /// Digits, but not a well-formed number (`1.2.3`, `12,34` with a decimal-point convention).
        case malformed
        /// A finite number and the index just after it.
        case number(Double, end: Int)
        /// A well-formed number outside the range the product judges (``InputRange``), also one a
        /// double does not hold (`1e400`, `1e-400`, five thousand digits), and the index just after it.
        case outOfRange(end: Int)
    }

    static func scan(_ text: [Character], at start: Int, convention: DecimalConvention) -> Scan {
        var index = start
        var negative = false
        if index < text.count, text[index] == "+" {
            index += 1
        } else if index < text.count, minusSigns.contains(text[index]) {
            negative = true
            index += 1
        }
        var run: [Character] = []
        while index < text.count {
            let character = text[index]
            if isDigit(character) {
                run.append(character)
                index += 1
                continue
            }
            // A separator belongs to the number only when a digit follows it; spaces and apostrophes
            // only between digits (so `12 mg` ends at the space).
            guard index + 1 < text.count, isDigit(text[index + 1]) else { break }
            if character == "." || character == "," {
                run.append(character)
            } else if groupOnly.contains(character), let last = run.last, isDigit(last) {
                run.append(character)
            } else {
                break
            }
            index += 1
        }
        guard run.contains(where: isDigit) else { return .noNumber }
        guard var literal = mantissa(run, convention: convention) else { return .malformed }
        if negative { literal = "-" + literal }
        switch exponent(text, at: index) {
        case .malformed:
            return .malformed
        case .none:
            break
        case .some(let power, let end):
            literal += "e\(power)"
            index = end
        }
        guard let value = Double(literal), !value.isNaN else { return .malformed }
        guard NumberLiteral.isJudgeable(value, literal: literal) else { return .outOfRange(end: index) }
        return .number(value, end: index)
    }

    static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= 48 && ascii <= 57
    }

    static let minusSigns: Set<Character> = ["-", "\u{2212}", "\u{2013}"]
    private static let groupOnly: Set<Character> = [" ", "'", "\u{2019}"]

    /// The digits of `run` as a Swift-readable literal (`1234.5`), or nil when the marks are not
    /// consistent with one decimal mark and well-formed thousands groups.
    private static func mantissa(_ run: [Character], convention: DecimalConvention) -> String? {
        let points = run.filter { $0 == "." }.count
        let commas = run.filter { $0 == "," }.count
        let decimalMark: Character?
        switch convention {
        case .decimalPoint:
            decimalMark = points > 0 ? "." : nil
        case .decimalComma:
            decimalMark = commas > 0 ? "," : nil
        case .automatic:
            if points > 0 && commas > 0 {
                decimalMark = run.last { $0 == "." || $0 == "," }
            } else if points == 1 {
                decimalMark = "."
            } else if commas == 1 {
                decimalMark = ","
            } else {
                decimalMark = nil
            }
        }
        var integerPart = run[...]
        var fraction = run[run.endIndex...]
        if let mark = decimalMark {
            guard run.filter({ $0 == mark }).count == 1, let at = run.firstIndex(of: mark) else { return nil }
            integerPart = run[..<at]
            fraction = run[(at + 1)...]
        }
        guard fraction.allSatisfy(isDigit) else { return nil }
        guard let digits = groupedDigits(integerPart) else { return nil }
        guard !digits.isEmpty || !fraction.isEmpty else { return nil }
        return (digits.isEmpty ? "0" : digits) + (fraction.isEmpty ? "" : "." + String(fraction))
    }

    /// Digits with at most one kind of thousands separator: a first group of 1–3 digits, then groups of 3.
    private static func groupedDigits(_ part: ArraySlice<Character>) -> String? {
        let separators = Set(part.filter { !isDigit($0) })
        guard let separator = separators.first else { return String(part) }
        guard separators.count == 1 else { return nil }
        let groups = part.split(separator: separator, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return nil }
        guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return String(part.filter(isDigit))
    }

    private enum Exponent: Equatable {
        case none
        case malformed
        case some(Int, end: Int)
    }

    private static let superscripts: [Character: Character] = [
        "\u{2070}": "0", "\u{00B9}": "1", "\u{00B2}": "2", "\u{00B3}": "3", "\u{2074}": "4",
        "\u{2075}": "5", "\u{2076}": "6", "\u{2077}": "7", "\u{2078}": "8", "\u{2079}": "9",
        "\u{207B}": "-", "\u{207A}": "+",
    ]

    /// `e-3`, `E+03`, `×10^-3`, `x10-3`, `·10⁻³` (spaces allowed around the times sign).
    private static func exponent(_ text: [Character], at start: Int) -> Exponent {
        var index = start
        if index < text.count, text[index] == "e" || text[index] == "E" {
            return power(text, at: index + 1, requireCaret: false) ?? .none
        }
        while index < text.count, text[index] == " " { index += 1 }
        guard index < text.count, ["×", "x", "X", "*", "·"].contains(text[index]) else { return .none }
        index += 1
        while index < text.count, text[index] == " " { index += 1 }
        guard index + 1 < text.count, text[index] == "1", text[index + 1] == "0" else { return .none }
        return power(text, at: index + 2, requireCaret: true) ?? .malformed
    }

    private static func power(_ text: [Character], at start: Int, requireCaret: Bool) -> Exponent? {
        var index = start
        if index < text.count, text[index] == "^" { index += 1 }
        var literal = ""
        while index < text.count {
            let character = superscripts[text[index]] ?? text[index]
            if literal.isEmpty, character == "+" || minusSigns.contains(character) {
                literal.append(character == "+" ? "+" : "-")
            } else if isDigit(character) {
                literal.append(character)
            } else {
                break
            }
            index += 1
        }
        // Up to five characters: `e-99999` is still read (and is out of range), longer is not an exponent.
        guard literal.count <= 5, let power = Int(literal) else { return requireCaret ? .malformed : nil }
        return .some(power, end: index)
    }
}
