import CLibPQ

/// One row of a ``PostgresResult``; keeps the result alive while it exists.
public struct PostgresRow {
    @usableFromInline let result: PostgresResult
    /// 0-based row number within the result.
    public let index: Int

    public var columnNames: [String] { result.columnNames }

    public var columnCount: Int { result.columnNames.count }

    public func isNull(_ column: Int) -> Bool {
        PQgetisnull(result.handle, Int32(index), Int32(column)) == 1
    }

    /// The raw text of a column, nil for NULL.
    public func text(at column: Int) -> String? {
        bytes(at: column).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The column's text as libpq holds it (followed by a NUL), nil for NULL.
    @usableFromInline func bytes(at column: Int) -> UnsafeBufferPointer<UInt8>? {
        guard column >= 0, column < result.columnNames.count, !isNull(column),
            let value = PQgetvalue(result.handle, Int32(index), Int32(column))
        else { return nil }
        return UnsafeBufferPointer(
            start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self),
            count: Int(PQgetlength(result.handle, Int32(index), Int32(column))))
    }

    /// Throws ``PostgresDecodingError`` naming the column when it is NULL or its text is not a `T`.
    ///
    /// Inlinable, like ``decodeIfPresent(_:at:)``, so that the scoring queries' millions of calls are
    /// specialised for the concrete type in the calling module: unspecialised, each call looked up
    /// `Optional<T>`'s metadata at run time (a fifth of the nightly run's client CPU).
    @inlinable
    public func decode<T: PostgresDecodable>(_ type: T.Type, at column: Int) throws -> T {
        guard let value = try decodeIfPresent(type, at: column) else {
            throw nullValue(column: column, type: T.self)
        }
        return value
    }

    public func decode<T: PostgresDecodable>(_ type: T.Type, column name: String) throws -> T {
        try decode(type, at: try columnIndex(name, type))
    }

    /// Nil only for SQL NULL: an empty string decodes as `""`.
    @inlinable
    public func decodeIfPresent<T: PostgresDecodable>(_ type: T.Type, at column: Int) throws -> T? {
        guard let bytes = try presentBytes(at: column, type: T.self) else { return nil }
        if let decoded = T.decode(postgresBytes: bytes) { return decoded }
        return try decodeText(T.self, bytes, column: column)
    }

    /// The column's bytes, nil for NULL; throws when the row has no such column.
    @usableFromInline func presentBytes(at column: Int, type: Any.Type) throws -> UnsafeBufferPointer<UInt8>?
    {
        guard column >= 0, column < result.columnNames.count else {
            throw error(
                PostgresDecodingError(
                    targetType: "\(type)", reason: "no column #\(column) (the row has \(columnCount))"),
                column: nil)
        }
        return bytes(at: column)
    }

    /// The slow path: the type's own String parser, which has the last word on what is valid.
    @usableFromInline func decodeText<T: PostgresDecodable>(
        _ type: T.Type, _ bytes: UnsafeBufferPointer<UInt8>, column: Int
    ) throws -> T {
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            return try T(postgresText: text)
        } catch let decodingError as PostgresDecodingError {
            throw error(decodingError, column: column)
        } catch {
            throw self.error(
                PostgresDecodingError(targetType: "\(T.self)", reason: "\(error)"), column: column)
        }
    }

    @usableFromInline func nullValue(column: Int, type: Any.Type) -> PostgresDecodingError {
        error(PostgresDecodingError(targetType: "\(type)", reason: "value is NULL"), column: column)
    }

    public func decodeIfPresent<T: PostgresDecodable>(_ type: T.Type, column name: String) throws -> T? {
        try decodeIfPresent(type, at: try columnIndex(name, type))
    }

    private func columnIndex<T>(_ name: String, _ type: T.Type) throws -> Int {
        guard let column = result.columnIndex(named: name) else {
            var missing = PostgresDecodingError(
                targetType: "\(T.self)",
                reason: "no such column (columns: \(result.columnNames.joined(separator: ", ")))")
            missing.column = name
            missing.row = index
            throw missing
        }
        return column
    }

    private func error(_ base: PostgresDecodingError, column: Int?) -> PostgresDecodingError {
        var located = base
        if let column {
            located.column = result.columnNames[column]
            located.columnIndex = column
        }
        located.row = index
        return located
    }
}
