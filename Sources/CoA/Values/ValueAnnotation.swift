import Foundation

/// Text a supplier appends to a value to say how it was measured: `99.2 %, titration`, `0.3 mg/kg
/// (ICP-MS)`. Read as a unit it would make the result a unit mismatch; it is method text.
enum ValueAnnotation {
    /// Bracketed words that belong to a unit or a non-detect, never a method: `ppm (m/m)`, `<0.05 (LOQ)`.
    private static let notAnnotations: Set<String> = [
        "w/w", "m/m", "v/v", "wt", "loq", "lod", "dl", "mdl", "lloq", "nd", "n.d.", "bdl", "blq",
    ]

    /// The value without its annotation, and the annotation; the text unchanged when it has none.
    static func split(_ text: String) -> (value: String, annotation: String?) {
        // Most values have neither a comma nor a closing bracket: no search.
        guard text.utf8.contains(UInt8(ascii: ",")) || text.utf8.last == UInt8(ascii: ")") else {
            return (text, nil)
        }
        // `, words` after a value: a comma followed by a space and a letter is not a decimal comma.
        if let comma = text.range(of: ", "), let next = text[comma.upperBound...].first, next.isLetter {
            let value = String(text[..<comma.lowerBound]).trimmingCharacters(in: .whitespaces)
            let annotation = String(text[comma.upperBound...]).trimmingCharacters(in: .whitespaces)
            if startsWithNumber(value) { return (value, annotation) }
        }
        // A trailing `(words)` without digits.
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
                .trimmingCharacters(in: .whitespaces)
            let value = String(text[..<open]).trimmingCharacters(in: .whitespaces)
            if !inner.isEmpty, !inner.contains(where: \.isNumber), inner.contains(where: \.isLetter),
                !notAnnotations.contains(inner.lowercased()), startsWithNumber(value)
            {
                return (value, inner)
            }
        }
        return (text, nil)
    }

    /// Whether the value part reads as a number (or a qualified one): only then is the rest an annotation.
    private static func startsWithNumber(_ value: String) -> Bool {
        let reading = ReportedValue.parse(value)
        return reading.kind == .numeric || reading.kind == .notDetected
    }
}
