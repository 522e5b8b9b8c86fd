import CLibPQ

/// Writes rows of a COPY in text format, buffering about 64 KiB before each `PQputCopyData`.
/// Only valid inside the ``PostgresConnection/copyIn(table:columns:_:)`` body that provides it.
public struct PostgresCopyWriter {
    private let connection: OpaquePointer
    private let columnCount: Int?
    @usableFromInline var buffer: [UInt8] = []
    @usableFromInline static let flushThreshold = 64 * 1024

    init(connection: OpaquePointer, columnCount: Int?) {
        self.connection = connection
        self.columnCount = columnCount
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    /// Appends one row; nil is written as NULL (`\N`), and backslash, tab, newline and carriage return
    /// are escaped so any text arrives unchanged.
    /// - Throws: ``PostgresError`` 22P04 when the number of values is not the number of columns, 22021
    ///   when a text contains a NUL character.
    public mutating func appendRow(_ values: [(any PostgresEncodable)?]) throws {
        try checkColumnCount(values.count)
        try appendRow { row in
            for value in values { try row.append(existential: value) }
        }
    }

    /// Appends one row whose fields `fields` appends in column order with ``PostgresCopyRow/append(_:)``,
    /// written as ``appendRow(_:)`` writes them. Each value keeps its static type: no array of
    /// existentials per row, and the encoding is called directly (inlinable, so it is specialised for
    /// the caller's types). When `fields` throws or appends the wrong number of values, nothing of the
    /// row stays in the buffer.
    @inlinable
    public mutating func appendRow(fields: (inout PostgresCopyRow) throws -> Void) throws {
        let start = buffer.count
        var row = PostgresCopyRow()
        // The row writes into the writer's buffer: moved in and back, never copied.
        swap(&row.buffer, &buffer)
        let appended = Result { try fields(&row) }
        swap(&row.buffer, &buffer)
        do {
            try appended.get()
            try checkColumnCount(row.count)
        } catch {
            buffer.removeSubrange(start...)
            throw error
        }
        try endRow()
    }

    @usableFromInline func checkColumnCount(_ count: Int) throws {
        if let columnCount, count != columnCount {
            throw PostgresError(
                code: .badCopyFileFormat, message: "COPY row has \(count) values for \(columnCount) columns")
        }
    }

    @usableFromInline mutating func endRow() throws {
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Sends what is buffered.
    @usableFromInline mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        let status = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                PQputCopyData(connection, chars.baseAddress, Int32(chars.count))
            }
        }
        guard status == 1 else { throw PostgresError(result: nil, connection: connection) }
        buffer.removeAll(keepingCapacity: true)
    }
}
