import CLibPQ

extension PostgresConnection {
    /// Bulk-loads rows with `COPY table (columns) FROM STDIN` (text format) and returns the rows copied.
    ///
    /// `table` may be schema-qualified (`scorecard.x`); each part and each column is quoted with
    /// `PQescapeIdentifier`. When `body` throws, the COPY is aborted (no rows are written), the connection
    /// stays usable and the error is rethrown.
    public func copyIn(
        table: String, columns: [String], _ body: (inout PostgresCopyWriter) throws -> Void
    ) throws -> Int {
        try naming("COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN") {
            try copyInNamed(table: table, columns: columns, body)
        }
    }

    private func copyInNamed(
        table: String, columns: [String], _ body: (inout PostgresCopyWriter) throws -> Void
    ) throws -> Int {
        let connection = try requireHandle()
        let target = try table.split(separator: ".", omittingEmptySubsequences: false)
            .map { try escapeIdentifier(String($0)) }.joined(separator: ".")
        let columnList =
            columns.isEmpty ? "" : " (" + (try columns.map(escapeIdentifier).joined(separator: ", ")) + ")"
        let start = PQexec(connection, "COPY \(target)\(columnList) FROM STDIN")
        guard let start else { throw PostgresError(result: nil, connection: connection) }
        let startResult = PostgresResult(handle: start)
        guard PQresultStatus(startResult.handle) == PGRES_COPY_IN else {
            let error = statusError(startResult.handle, connection: connection)
            abandonCopy(startResult.handle, connection: connection)
            drainResults(connection)
            throw error
        }
        return try whileBusy("in a COPY") {
            try sendRows(connection, columnCount: columns.isEmpty ? nil : columns.count, body)
        }
    }

    /// The data phase of ``copyIn(table:columns:_:)``, once the server is waiting for rows.
    private func sendRows(
        _ connection: OpaquePointer, columnCount: Int?, _ body: (inout PostgresCopyWriter) throws -> Void
    ) throws -> Int {
        var writer = PostgresCopyWriter(connection: connection, columnCount: columnCount)
        do {
            try body(&writer)
            try writer.flush()
        } catch {
            // The message reaches the server log as "COPY from stdin failed: …": no values in it.
            _ = PQputCopyEnd(connection, "aborted by the client")
            drainResults(connection)
            throw error
        }
        guard PQputCopyEnd(connection, nil) == 1 else {
            let error = PostgresError(result: nil, connection: connection)
            drainResults(connection)
            throw error
        }
        let finished = try checked(PQgetResult(connection), connection: connection)
        drainResults(connection)
        return finished.affectedRows
    }

    /// `name` quoted as an SQL identifier, e.g. `"order"` or `"Mixed Case"`.
    public func escapeIdentifier(_ name: String) throws -> String {
        let connection = try requireHandle()
        guard let escaped = PQescapeIdentifier(connection, name, name.utf8.count) else {
            throw PostgresError(result: nil, connection: connection)
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }
}
