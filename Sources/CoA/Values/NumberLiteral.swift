import Domain

/// What `Double(text)` hides: `1e-400` reads as 0 and `1e400` as infinity. A value so read is not the
/// value written, so the readers call it out of range instead of judging a zero.
enum NumberLiteral {
    /// `value`, read from `literal`, is zero although the literal's digits before any exponent are not all
    /// zero (the decimal underflowed).
    static func underflowed(_ value: Double, literal: some StringProtocol) -> Bool {
        guard value == 0 else { return false }
        for byte in literal.utf8 {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return false }
            if byte >= UInt8(ascii: "1"), byte <= UInt8(ascii: "9") { return true }
        }
        return false
    }

    /// `value` read from `literal` is one the product judges (``InputRange``) and is what was written.
    static func isJudgeable(_ value: Double, literal: some StringProtocol) -> Bool {
        InputRange.contains(value) && !underflowed(value, literal: literal)
    }
}
