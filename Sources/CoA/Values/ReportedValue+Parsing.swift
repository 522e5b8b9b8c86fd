extension ReportedValue {
    /// Reads a reported value. Never throws: what cannot be read is `.unparseable` or `.textual`.
    ///
    /// Order: non-detect phrases (`ND`, `<LOQ`), then an optional qualifier and a number (with an
    /// optional trailing unit, `max`/`min` or non-detect marker), then textual pass/fail words.
    /// The rules are listed in docs/units.md.
    public static func parse(_ text: String, convention: DecimalConvention = .automatic) -> ReportedValue {
        if let number = plainNumber(text, convention: convention) {
            return ReportedValue(kind: .numeric, number: number)
        }
        if let known = knownPhrases[convention]?[text] { return known }
        return parseInFull(text, convention: convention)
    }

    /// The readings of the vocabulary's own phrases written alone (`conforms`, `Complies`, `ND`), made
    /// once by the full rules: a textual result is mostly one of these, read thousands of times a night.
    private static let knownPhrases: [DecimalConvention: [String: ReportedValue]] = {
        let phrases = (ValueText.passWords + ValueText.failWords + ValueText.notDetected).map { String($0) }
        let spellings = Set(
            phrases.flatMap { [$0, $0.prefix(1).uppercased() + $0.dropFirst(), $0.uppercased()] })
        return Dictionary(
            uniqueKeysWithValues: DecimalConvention.allCases.map { convention in
                (
                    convention,
                    Dictionary(
                        uniqueKeysWithValues: spellings.map { ($0, parseInFull($0, convention: convention)) })
                )
            })
    }()

    /// Every rule, character by character; `parse` takes a short cut for plain numbers.
    static func parseInFull(_ text: String, convention: DecimalConvention) -> ReportedValue {
        let cleaned = ValueText.clean(text)
        guard !cleaned.isEmpty else { return .unparseable }
        let characters = Array(cleaned)
        let lower = Array(cleaned.lowercased())
        if lower.count == characters.count, let phrase = ValueText.prefix(lower, in: ValueText.notDetected) {
            return notDetected(rest: Array(characters[phrase...]), convention: convention)
        }
        if let value = qualifiedNumber(characters, convention: convention) {
            return value
        }
        return textual(String(lower))
    }

    /// The common case read from the UTF-8 bytes without building characters: `12`, `-0.35`, `99,62`
    /// (ASCII spaces around allowed), with the decimal mark the convention reads as one. Gives exactly
    /// what the full reading gives for such text; nil for anything else (which the full reading takes).
    static func plainNumber(_ text: String, convention: DecimalConvention) -> Double? {
        var utf8 = Substring(text).utf8[...]
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while let first = utf8.first, isSpace(first) { utf8.removeFirst() }
        while let last = utf8.last, isSpace(last) { utf8.removeLast() }
        var literal: [UInt8] = []
        literal.reserveCapacity(utf8.count)
        var digitsBefore = 0
        var digitsAfter = 0
        var mark: UInt8?
        for (offset, byte) in utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if mark == nil { digitsBefore += 1 } else { digitsAfter += 1 }
                literal.append(byte)
            case UInt8(ascii: "-") where offset == 0:
                literal.append(byte)
            case UInt8(ascii: "."), UInt8(ascii: ","):
                guard mark == nil, digitsBefore > 0 else { return nil }
                mark = byte
                literal.append(UInt8(ascii: "."))
            default:
                return nil
            }
        }
        guard digitsBefore > 0, mark == nil || digitsAfter > 0 else { return nil }
        // A single mark is a decimal mark under `automatic`; a fixed convention reads the other mark as a
        // thousands separator, which the full reading checks.
        switch (mark, convention) {
        case (UInt8(ascii: ","), .decimalPoint), (UInt8(ascii: "."), .decimalComma): return nil
        default: break
        }
        let text = String(decoding: literal, as: UTF8.self)
        // Out of range (or not what was written): the full reading says so.
        guard let number = Double(text), NumberLiteral.isJudgeable(number, literal: text) else { return nil }
        return number
    }

    /// `ND`, then optionally the limit: `ND (<0.1)`, `ND (LOQ 0.05 mg/kg)`, `<LOQ (0.05)`.
    private static func notDetected(rest: [Character], convention: DecimalConvention) -> ReportedValue {
        var text = String(rest).trimmingSet(ValueText.wrapping)
        for word in ["detection limit", "limit", "loq", "lod", "mdl", "dl"]
        where text.lowercased().hasPrefix(word) {
            text = String(text.dropFirst(word.count)).trimmingSet(ValueText.wrapping)
            break
        }
        let limit = qualifiedNumber(Array(text), convention: convention)
        if limit?.kind == .outOfRange { return ReportedValue(kind: .outOfRange, qualifier: .notDetected) }
        let allowed: Set<Qualifier> = [.none, .lessThan, .lessOrEqual, .notDetected]
        guard let limit, limit.kind != .unparseable, allowed.contains(limit.qualifier) else {
            return ReportedValue(kind: .notDetected, qualifier: .notDetected)
        }
        return ReportedValue(
            kind: .notDetected, qualifier: .notDetected, number: limit.number, unitText: limit.unitText)
    }

    /// nil when the text does not start like a number (so it is textual).
    private static func qualifiedNumber(_ text: [Character], convention: DecimalConvention) -> ReportedValue?
    {
        let lower = Array(String(text).lowercased())
        guard lower.count == text.count else { return nil }
        var index = 0
        var qualifier = Qualifier.none
        var byWord = false
        if let (end, found) = ValueText.qualifierPrefix(lower) {
            index = end
            qualifier = found
            byWord = lower[0].isLetter
        }
        while index < text.count, text[index] == " " || text[index] == ":" { index += 1 }
        switch DecimalScanner.scan(text, at: index, convention: convention) {
        case .noNumber:
            return qualifier == .none || byWord ? nil : .unparseable
        case .malformed:
            return .unparseable
        case .outOfRange:
            return ReportedValue(kind: .outOfRange, qualifier: qualifier)
        case .number(let number, let end):
            return trailing(String(text[end...]), number: number, qualifier: qualifier)
        }
    }

    /// Reads what follows the number: `max`/`min`, a non-detect marker, and the rest as unit text.
    private static func trailing(_ rest: String, number: Double, qualifier: Qualifier) -> ReportedValue {
        var qualifier = qualifier
        var kind = Kind.numeric
        var unitWords: [Substring] = []
        for word in rest.split(separator: " ") {
            let bare = word.lowercased().trimmingSet(["(", ")", "[", "]", ",", ";"])
            let plain = bare.hasSuffix(".") ? String(bare.dropLast()) : bare
            if let suffix = ValueText.suffixQualifiers[plain] {
                guard qualifier == .none || qualifier.direction == suffix.direction else {
                    return .unparseable
                }
                if qualifier == .none { qualifier = suffix }
            } else if ValueText.notDetectedMarkers.contains(plain) {
                kind = .notDetected
            } else {
                unitWords.append(word)
            }
        }
        var unit = unitWords.joined(separator: " ")
        if unit == "." || unit == "," { unit = "" }
        if let first = unit.first,
            DecimalScanner.isDigit(first) || DecimalScanner.minusSigns.contains(first)
                || first == "+" || first == "±"
        {
            return .unparseable  // a range `0.5-1.0`, a list, an uncertainty: not one value
        }
        if kind == .notDetected {
            guard qualifier.direction != .above else { return .unparseable }
            qualifier = .notDetected
        }
        return ReportedValue(
            kind: kind, qualifier: qualifier, number: number, unitText: unit.isEmpty ? nil : unit)
    }

    private static func textual(_ lower: String) -> ReportedValue {
        let characters = Array(lower)
        if ValueText.notANumber.contains(lower) { return .unparseable }
        if ValueText.prefix(characters, in: ValueText.failWords) != nil {
            return ReportedValue(kind: .textualFail)
        }
        if ValueText.prefix(characters, in: ValueText.passWords) != nil {
            return ReportedValue(kind: .textualPass)
        }
        return ReportedValue(kind: characters.contains(where: \.isLetter) ? .textual : .unparseable)
    }
}

extension Qualifier {
    enum Direction { case exact, below, above }

    /// Which side of the number the true value lies on.
    var direction: Direction {
        switch self {
        case .none: .exact
        case .lessThan, .lessOrEqual, .notDetected: .below
        case .greaterThan, .greaterOrEqual: .above
        }
    }
}

extension String {
    func trimmingSet(_ set: Set<Character>) -> String {
        guard let first = firstIndex(where: { !set.contains($0) }),
            let last = lastIndex(where: { !set.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
