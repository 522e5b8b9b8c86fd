import CLibPQ

/// The rows of one statement. Owns its `PGresult` and frees it when the last reference (including rows
/// taken from it) goes away; it stays readable after the connection closes.
///
/// `@unchecked Sendable`: a `PGresult` is never changed after libpq builds it, and libpq documents that
/// reading one from several threads at once is safe; everything else here is immutable.
public final class PostgresResult: Sequence, @unchecked Sendable {
    let handle: OpaquePointer
    public let rowCount: Int
    public let columnNames: [String]
    /// Rows inserted, updated, deleted, copied or selected, as the command tag reports them; 0 when none.
    /// Read when asked: a streamed query makes one result per row, which never needs it.
    public var affectedRows: Int { PQcmdTuples(handle).flatMap { Int(String(cString: $0)) } ?? 0 }

    /// Takes ownership of `handle`. `columnNames`, when given, are reused from an earlier result of the
    /// same statement (single-row mode) instead of being read again for every row.
    init(handle: OpaquePointer, columnNames: [String]? = nil) {
        self.handle = handle
        rowCount = Int(PQntuples(handle))
        self.columnNames =
            columnNames
            ?? (0..<PQnfields(handle)).map { index in
                PQfname(handle, index).map { String(cString: $0) } ?? ""
            }
    }

    deinit {
        PQclear(handle)
    }

    public var columnCount: Int { columnNames.count }

    /// The first row, nil when there are none.
    public var first: PostgresRow? {
        rowCount > 0 ? PostgresRow(result: self, index: 0) : nil
    }

    public var isEmpty: Bool { rowCount == 0 }

    /// The row at `index` (0-based).
    public subscript(index: Int) -> PostgresRow {
        precondition(index >= 0 && index < rowCount, "row \(index) out of range 0..<\(rowCount)")
        return PostgresRow(result: self, index: index)
    }

    public func makeIterator() -> Iterator {
        Iterator(result: self)
    }

    public struct Iterator: IteratorProtocol {
        let result: PostgresResult
        var position = 0

        public mutating func next() -> PostgresRow? {
            guard position < result.rowCount else { return nil }
            defer { position += 1 }
            return PostgresRow(result: result, index: position)
        }
    }

    /// 0-based index of the first column named exactly `name` (no case folding).
    func columnIndex(named name: String) -> Int? {
        columnNames.firstIndex(of: name)
    }
}
