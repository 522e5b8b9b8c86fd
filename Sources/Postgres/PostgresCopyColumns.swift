/// COPY with a table's columns declared once, as a ``PostgresColumns`` set beside the writer: the column
/// list is the set's names in position order, and each value names its column as it is appended, so the
/// list and the values cannot drift apart.
extension PostgresConnection {
    /// ``copyIn(table:columns:_:)`` with the columns of `columns`; fill each row with
    /// ``PostgresCopyRow/append(_:_:)``.
    public func copyIn<C: PostgresColumns>(
        table: String, columns: C.Type, _ body: (inout PostgresCopyWriter) throws -> Void
    ) throws -> Int {
        try copyIn(
            table: table, columns: C.allCases.sorted { $0.rawValue < $1.rawValue }.map(\.name), body)
    }
}

extension PostgresCopyRow {
    /// Appends the value of `column`, which must be the row's next column (an integer compare: the row
    /// stays as cheap as ``append(_:)``).
    /// - Throws: ``PostgresError`` 22P04 naming the column when it is not the next one.
    @inlinable
    public mutating func append<Value: PostgresEncodable, C: PostgresColumns>(_ value: Value?, _ column: C)
        throws
    {
        guard column.rawValue == count else { throw Self.outOfOrder(column.name, position: count) }
        try append(value)
    }

    @usableFromInline static func outOfOrder(_ name: String, position: Int) -> PostgresError {
        PostgresError(
            code: .badCopyFileFormat, message: "COPY value for column \(name) given as field \(position + 1)")
    }
}
