/// The text of a statement as errors name it: whitespace runs folded to one space and cut after `limit`
/// characters. Parameters are never part of it (they travel apart from the text).
enum PostgresStatementText {
    static let limit = 240

    static func shown(_ sql: String) -> String {
        var folded = ""
        var space = false
        for character in sql {
            if character.isWhitespace {
                space = !folded.isEmpty
                continue
            }
            if space { folded.append(" ") }
            space = false
            folded.append(character)
            if folded.count >= limit { return folded + "…" }
        }
        return folded
    }
}

extension PostgresConnection {
    /// Runs `body`, naming `sql` in the PostgreSQL and decoding errors it throws (unless already named).
    func naming<T>(_ sql: @autoclosure () -> String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as PostgresError {
            if error.statement == nil { error.statement = PostgresStatementText.shown(sql()) }
            throw error
        } catch var error as PostgresDecodingError {
            if error.statement == nil { error.statement = PostgresStatementText.shown(sql()) }
            throw error
        }
    }
}
