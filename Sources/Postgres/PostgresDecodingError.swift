/// A column value that could not be read as the requested Swift type, or was NULL where a value was needed.
public struct PostgresDecodingError: Error, CustomStringConvertible, Sendable {
    /// The column's name as the result reports it; nil when decoding outside a row.
    public var column: String?
    public var columnIndex: Int?
    /// 0-based row number within the result.
    public var row: Int?
    /// The Swift type asked for, e.g. `Int`.
    public var targetType: String
    /// What is wrong, e.g. `"12.5" is not a valid Int`.
    public var reason: String
    /// The statement whose row it was, as in ``PostgresError/statement``.
    public var statement: String?

    public init(targetType: String, reason: String) {
        self.targetType = targetType
        self.reason = reason
    }

    public var description: String {
        var place = ""
        if let column { place += "column \"\(column)\"" }
        if let columnIndex { place += place.isEmpty ? "column #\(columnIndex)" : " (#\(columnIndex))" }
        if let row { place += " of row \(row)" }
        let prefix = place.isEmpty ? "" : "\(place): "
        return "\(prefix)cannot decode \(targetType): \(reason)"
            + (statement.map { " STATEMENT: \($0)" } ?? "")
    }

    /// The text is not a valid value; quotes at most 40 characters of it.
    static func notA(_ type: String, _ text: String) -> PostgresDecodingError {
        let shown = text.count > 40 ? "\(text.prefix(40))…" : text
        return PostgresDecodingError(targetType: type, reason: "\"\(shown)\" is not a valid \(type)")
    }
}
