import Domain

/// A reported text quoted in a note: trimmed, and at most 40 characters of it, so a value of five
/// thousand digits does not become a note of five thousand characters.
enum ValueExcerpt {
    static let limit = 40

    static func quoted(_ text: String) -> String {
        let trimmed = text.trimmingSet([" ", "\n", "\t"])
        // The same escaped excerpt as the rejection reasons': control characters cannot reach a note.
        let excerpt = "'\(EscapedText.excerpt(trimmed, limit: limit))'"
        return trimmed.unicodeScalars.count > limit ? "\(excerpt) (\(trimmed.count) characters)" : excerpt
    }

    /// A whole note, cut at 300 characters: units and names quoted in it come from the document too.
    static func bounded(_ note: String) -> String {
        note.count > 300 ? "\(note.prefix(300))… (\(note.count) characters)" : note
    }
}
