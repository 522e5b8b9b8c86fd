/// "Did you mean …?" for a misspelt key or option value.
enum Suggestion {
    /// The known word `written` most likely meant: the same ignoring case (`lotnumber`), else the
    /// nearest by edits when few are needed (`uper`), else a known word it starts with (`upperLimit`
    /// → `upper`). Nil when nothing is close: a wild guess misleads more than no hint.
    static func closest(to written: String, among known: [String]) -> String? {
        let folded = written.lowercased()
        if let same = known.first(where: { $0.lowercased() == folded }) { return same }
        let allowed = max(1, min(3, folded.count / 3))
        let near = known.map { (word: $0, edits: distance(folded, $0.lowercased())) }
            .filter { $0.edits <= allowed }
            .min { $0.edits < $1.edits }
        if let near { return near.word }
        return known.filter { $0.count >= 3 && folded.hasPrefix($0.lowercased()) }
            .max { $0.count < $1.count }
    }

    /// Edits between two words (insertions, deletions, substitutions, and swaps of neighbours, the
    /// commonest typing slip: `nmae`).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var beforePrevious = Array(0...b.count)
        var previous = beforePrevious
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
