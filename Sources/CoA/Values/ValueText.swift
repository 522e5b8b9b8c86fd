/// The vocabulary of reported values: spaces, entities, qualifier words, non-detect and textual phrases.
/// Phrases are lower case; a phrase matches at the start of the text when no letter follows it.
enum ValueText {
    /// Normalises spaces (no-break, thin, tabs, line breaks → one space), trims, and decodes the
    /// comparison entities a supplier may have escaped twice (`&amp;lt;` arrives as `&lt;`).
    static func clean(_ text: String) -> String {
        // ASCII with no entity and no control whitespace: nothing to decode or normalise.
        if isTidy(text, rejecting: { $0 >= 0x80 || (0x09...0x0D).contains($0) || $0 == UInt8(ascii: "&") }) {
            return text
        }
        let decoded = text.utf8.contains(UInt8(ascii: "&")) ? decodeEntities(text) : text
        var result = ""
        var pendingSpace = false
        for character in decoded {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }

    /// Whether `text` has no space at either end or next to another and no byte `rejected` accepts: text
    /// the cleaning functions would return unchanged (they then return it without copying).
    static func isTidy(_ text: String, rejecting rejected: (UInt8) -> Bool) -> Bool {
        var previousSpace = true  // a leading space needs cleaning
        for byte in text.utf8 {
            if rejected(byte) { return false }
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else {
                previousSpace = false
            }
        }
        return !previousSpace || text.isEmpty
    }

    private static func decodeEntities(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let tail = rest[ampersand...]
            if let (entity, symbol) = entities.first(where: { tail.hasPrefix($0.0) }) {
                result += symbol
                rest = tail.dropFirst(entity.count)
            } else {
                result.append("&")
                rest = tail.dropFirst()
            }
        }
        return result + rest
    }

    private static let entities: [(String, String)] = [
        ("&lt;", "<"), ("&gt;", ">"), ("&le;", "≤"), ("&ge;", "≥"), ("&#60;", "<"), ("&#62;", ">"),
        ("&#x3C;", "<"), ("&#x3c;", "<"), ("&#x3E;", ">"), ("&#x3e;", ">"), ("&#8804;", "≤"),
        ("&#8805;", "≥"),
    ]

    /// The end index of the longest phrase of `phrases` at the start of `text`, or nil.
    static func prefix(_ text: [Character], in phrases: [[Character]]) -> Int? {
        guard let first = text.first else { return nil }
        // Comparing the first character before the whole phrase skips most phrases at once.
        for phrase in phrases where phrase.first == first && text.starts(with: phrase) {
            let end = phrase.count
            if end == text.count || !text[end].isLetter { return end }
        }
        return nil
    }

    /// A leading comparison: a symbol (`<=`, `≤`, `<`) or a word (`max.`, `not more than`).
    static func qualifierPrefix(_ lower: [Character]) -> (Int, Qualifier)? {
        for (symbol, qualifier) in symbolQualifiers where lower.starts(with: symbol) {
            return (symbol.count, qualifier)
        }
        for (word, qualifier) in wordQualifiers {
            guard word.first == lower.first, let end = prefix(lower, in: [word]) else { continue }
            if end < lower.count, lower[end] == "." { return (end + 1, qualifier) }
            return (end, qualifier)
        }
        return nil
    }

    private static let symbolQualifiers: [([Character], Qualifier)] =
        ([

            ("<=", .lessOrEqual), ("=<", .lessOrEqual), ("≤", .lessOrEqual), ("⩽", .lessOrEqual),
            ("≦", .lessOrEqual), ("<", .lessThan), ("＜", .lessThan),
            (">=", .greaterOrEqual), ("=>", .greaterOrEqual), ("≥", .greaterOrEqual), ("⩾", .greaterOrEqual),
            ("≧", .greaterOrEqual), (">", .greaterThan), ("＞", .greaterThan),
        ] as [(String, Qualifier)]).map { (Array($0.0), $0.1) }

    private static let wordQualifiers: [([Character], Qualifier)] =
        ([
            ("less than or equal to", .lessOrEqual), ("not more than", .lessOrEqual), ("nmt", .lessOrEqual),
            ("maximum", .lessOrEqual), ("max", .lessOrEqual), ("up to", .lessOrEqual),
            ("at most", .lessOrEqual),
            ("less than", .lessThan), ("lower than", .lessThan), ("below", .lessThan), ("under", .lessThan),
            ("lt", .lessThan),
            ("greater than or equal to", .greaterOrEqual), ("not less than", .greaterOrEqual),
            ("nlt", .greaterOrEqual), ("minimum", .greaterOrEqual), ("min", .greaterOrEqual),
            ("at least", .greaterOrEqual), ("greater than", .greaterThan), ("more than", .greaterThan),
            ("higher than", .greaterThan), ("above", .greaterThan), ("over", .greaterThan),
            ("gt", .greaterThan),
        ] as [(String, Qualifier)]).map { (Array($0.0), $0.1) }

    /// Brackets and punctuation around the limit of a non-detect: `ND (<0.1)`, `ND: LOQ = 0.05`.
    static let wrapping: Set<Character> = [" ", "(", ")", "[", "]", ":", "=", ",", ";"]

    /// `0.5 max`, `99.0 min.`: a comparison written after the number.
    static let suffixQualifiers: [String: Qualifier] = [
        "max": .lessOrEqual, "maximum": .lessOrEqual, "min": .greaterOrEqual, "minimum": .greaterOrEqual,
    ]

    /// Phrases that open a non-detect, longest first.
    static let notDetected: [[Character]] = [
        "not detected", "none detected", "not detectable", "non detectable", "non-detectable",
        "nicht nachweisbar", "below the limit of quantitation", "below the limit of quantification",
        "below limit of quantitation", "below limit of quantification", "below the limit of detection",
        "below limit of detection", "below the detection limit", "below detection limit",
        "below quantification limit", "not quantifiable", "below the loq", "below the lod", "below loq",
        "below lod", "less than loq", "less than lod", "< loq", "<loq", "< lod", "<lod", "< mdl", "<mdl",
        "< dl", "<dl", "n. d.", "n.d.", "n.d", "n/d", "n.n.", "bloq", "blq", "bql", "bdl", "nd",
    ].sorted { $0.count > $1.count }.map(Array.init)

    /// Words after a number that mark it as a non-detect limit: `<0.05 (LOQ)`, `0.1 ND`.
    static let notDetectedMarkers: Set<String> = [
        "nd", "n.d", "n.d.", "loq", "lod", "blq", "bdl", "<loq", "<lod",
    ]

    static let notANumber: Set<String> = [
        "nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "∞", "n/a", "na", "n.a.", "-",
        "--",
        "---", "—", "?", "tbd",
    ]

    /// Checked before `passWords`, so `not conform` is a fail.
    static let failWords: [[Character]] = [
        "does not conform", "does not comply", "does not meet", "did not pass", "not conforming",
        "not conform", "not compliant", "not complying", "not acceptable", "not ok", "not okay",
        "non-conforming", "non conforming", "nonconforming", "non-compliant", "noncompliant",
        "out of specification", "out of spec", "oos", "fails", "failed", "fail", "rejected", "reject",
        "unacceptable", "unsatisfactory", "nok", "n.i.o.", "present",
    ].sorted { $0.count > $1.count }.map(Array.init)

    static let passWords: [[Character]] = [
        "conforms", "conform", "conforming", "conformity", "complies", "comply", "compliant", "corresponds",
        "pass", "passes", "passed", "meets", "meet", "ok", "okay", "o.k.", "i.o.", "acceptable", "accepted",
        "satisfactory", "absent", "negative", "within specification", "within spec", "within limits",
        "in specification", "in spec", "entspricht", "conforme", "identical", "identified",
    ].sorted { $0.count > $1.count }.map(Array.init)
}
