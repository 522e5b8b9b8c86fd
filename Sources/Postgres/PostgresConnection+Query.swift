import CLibPQ
import Foundation

extension PostgresConnection {
    /// Runs one statement with `$1`, `$2`, … parameters sent in text format (nil is NULL) and returns
    /// all its rows.
    public func query(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) throws -> PostgresResult {
        try naming(sql) {
            let connection = try requireHandle()
            let raw = try withParameters(parameters) { count, values in
                PQexecParams(connection, sql, count, nil, values, nil, nil, 0)
            }
            return try checked(raw, connection: connection)
        }
    }

    /// Runs one statement and returns the number of rows it inserted, updated or deleted.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) throws -> Int {
        try query(sql, parameters).affectedRows
    }

    /// Runs several `;`-separated statements without parameters (migrations), stopping at the first error.
    public func executeScript(_ sql: String) throws {
        try naming(sql) {
            let connection = try requireHandle()
            _ = try checked(PQexec(connection, sql), connection: connection)
        }
    }

    /// Calls `body` for each row as it arrives (libpq single-row mode), so a large result is never held
    /// whole in memory. When `body` throws, the statement is cancelled and the error rethrown.
    public func stream(
        _ sql: String, _ parameters: [(any PostgresEncodable)?] = [], _ body: (PostgresRow) throws -> Void
    ) throws {
        try naming(sql) {
            let connection = try requireHandle()
            let sent = try withParameters(parameters) { count, values in
                PQsendQueryParams(connection, sql, count, nil, values, nil, nil, 0)
            }
            guard sent == 1 else { throw PostgresError(result: nil, connection: connection) }
            guard PQsetSingleRowMode(connection) == 1 else {
                drainResults(connection)
                throw PostgresError(code: .internalError, message: "libpq refused single-row mode")
            }
            try whileBusy("streaming rows") {
                try receiveRows(connection, body)
            }
        }
    }

    /// The result loop of ``stream(_:_:_:)``: frees every result and always reads to the end.
    private func receiveRows(_ connection: OpaquePointer, _ body: (PostgresRow) throws -> Void) throws {
        var failure: (any Error)?
        var columnNames: [String]?
        while let raw = PQgetResult(connection) {
            let result = PostgresResult(handle: raw, columnNames: columnNames)
            columnNames = result.columnNames
            if failure != nil {
                abandonCopy(raw, connection: connection)
                continue
            }
            switch PQresultStatus(raw) {
            case PGRES_SINGLE_TUPLE:
                do {
                    try body(result[0])
                } catch {
                    failure = error
                    cancelRunningStatement(connection)
                }
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                break
            default:
                failure = statusError(raw, connection: connection)
                abandonCopy(raw, connection: connection)
            }
        }
        if let failure { throw failure }
    }

    /// Wraps a result from PQexec/PQexecParams, throwing its error (the result is freed either way).
    func checked(_ raw: OpaquePointer?, connection: OpaquePointer) throws -> PostgresResult {
        guard let raw else { throw PostgresError(result: nil, connection: connection) }
        let result = PostgresResult(handle: raw)
        switch PQresultStatus(raw) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return result
        default:
            let error = statusError(raw, connection: connection)
            abandonCopy(raw, connection: connection)
            drainResults(connection)
            throw error
        }
    }

    /// The error of a failed result, or a usage error for COPY started outside ``copyIn(table:columns:_:)``.
    func statusError(_ raw: OpaquePointer, connection: OpaquePointer) -> PostgresError {
        switch PQresultStatus(raw) {
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            PostgresError(
                code: .prerequisiteStateNotMet,
                message: "COPY is only supported through copyIn(table:columns:)")
        default:
            PostgresError(result: raw, connection: connection)
        }
    }

    /// Ends a COPY the server started so the connection can be used again.
    func abandonCopy(_ raw: OpaquePointer, connection: OpaquePointer) {
        switch PQresultStatus(raw) {
        case PGRES_COPY_IN, PGRES_COPY_BOTH:
            _ = PQputCopyEnd(connection, "COPY is not supported here")
        case PGRES_COPY_OUT:
            var buffer: UnsafeMutablePointer<CChar>?
            while PQgetCopyData(connection, &buffer, 0) > 0 {
                PQfreemem(buffer)
                buffer = nil
            }
        default:
            break
        }
    }

    /// Reads and frees every pending result so the connection is ready for the next statement.
    func drainResults(_ connection: OpaquePointer) {
        while let raw = PQgetResult(connection) {
            abandonCopy(raw, connection: connection)
            PQclear(raw)
        }
    }

    /// Asks the server to cancel the statement in progress; harmless when it has already finished.
    func cancelRunningStatement(_ connection: OpaquePointer) {
        guard let cancel = PQgetCancel(connection) else { return }
        defer { PQfreeCancel(cancel) }
        var message = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &message, Int32(message.count))
    }

    /// Calls `body` with the parameter count and C strings of the parameters' text (NULL for nil).
    func withParameters<R>(
        _ parameters: [(any PostgresEncodable)?],
        _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> R
    ) throws -> R {
        var texts: [UnsafeMutablePointer<CChar>?] = []
        texts.reserveCapacity(parameters.count)
        defer { for text in texts { free(text) } }
        for (index, parameter) in parameters.enumerated() {
            guard let parameter else {
                texts.append(nil)
                continue
            }
            let text = parameter.postgresText
            guard !text.utf8.contains(0) else {
                throw PostgresError(
                    code: SQLState("22021"),
                    message:
                        "parameter $\(index + 1) contains a NUL character, which PostgreSQL text cannot hold")
            }
            texts.append(strdup(text))
        }
        let pointers = texts.map { UnsafePointer($0) }
        return pointers.withUnsafeBufferPointer { buffer in
            body(Int32(parameters.count), buffer.baseAddress)
        }
    }
}
