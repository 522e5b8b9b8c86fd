/// An error reported by the server or by libpq, with the fields PostgreSQL gives.
///
/// Its description never contains statement parameters: only what the server reported, and the text of
/// the statement that failed (so an operator reading the log knows which query it was).
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    public var code: SQLState
    /// The primary message, e.g. `duplicate key value violates unique constraint "t_pkey"`.
    public var message: String
    public var detail: String?
    public var hint: String?
    /// `ERROR`, `FATAL`, `PANIC` (not localized when the server provides it).
    public var severity: String?
    /// 1-based character position in the statement text where the error was found.
    public var position: Int?
    public var internalPosition: Int?
    public var internalQuery: String?
    /// Call stack of PL/pgSQL functions and similar, one line per level.
    public var context: String?
    public var schemaName: String?
    public var tableName: String?
    public var columnName: String?
    public var dataTypeName: String?
    public var constraintName: String?
    /// The statement's text, whitespace folded and cut to ``PostgresStatementText/limit`` characters.
    public var statement: String?

    public init(
        code: SQLState, message: String, detail: String? = nil, hint: String? = nil,
        severity: String? = "ERROR", position: Int? = nil
    ) {
        self.code = code
        self.message = message
        self.detail = detail
        self.hint = hint
        self.severity = severity
        self.position = position
    }

    /// "ERROR 23505: duplicate key ... DETAIL: ... HINT: ..."
    public var description: String {
        var text = "\(severity ?? "ERROR") \(code.rawValue): \(message)"
        if let position { text += " (at character \(position))" }
        if let detail { text += " DETAIL: \(detail)" }
        if let hint { text += " HINT: \(hint)" }
        if let context { text += " CONTEXT: \(context)" }
        if let statement { text += " STATEMENT: \(statement)" }
        return text
    }
}
