import CLibPQ

extension PostgresError {
    /// The error in a failed result (or of the connection when there is no result). Without a SQLSTATE
    /// (a client-side failure) the code is 08006 when the connection is gone, else XX000.
    init(result: OpaquePointer?, connection: OpaquePointer?) {
        func field(_ code: Int32) -> String? {
            guard let result, let value = PQresultErrorField(result, code) else { return nil }
            let text = String(cString: value)
            return text.isEmpty ? nil : text
        }
        let connectionLost = connection.map { PQstatus($0) == CONNECTION_BAD } ?? true
        var message =
            field(CLIBPQ_DIAG_MESSAGE_PRIMARY) ?? Self.trimmed(result.flatMap { PQresultErrorMessage($0) })
        if message.isEmpty { message = connection.map { Self.trimmed(PQerrorMessage($0)) } ?? "" }
        if message.isEmpty { message = connectionLost ? "connection lost" : "unknown libpq error" }
        self.init(
            code: field(CLIBPQ_DIAG_SQLSTATE).map(SQLState.init(rawValue:))
                ?? (connectionLost ? .connectionFailure : .internalError),
            message: message,
            detail: field(CLIBPQ_DIAG_MESSAGE_DETAIL),
            hint: field(CLIBPQ_DIAG_MESSAGE_HINT),
            severity: field(CLIBPQ_DIAG_SEVERITY_NONLOCALIZED) ?? field(CLIBPQ_DIAG_SEVERITY) ?? "ERROR",
            position: field(CLIBPQ_DIAG_STATEMENT_POSITION).flatMap { Int($0) })
        internalPosition = field(CLIBPQ_DIAG_INTERNAL_POSITION).flatMap { Int($0) }
        internalQuery = field(CLIBPQ_DIAG_INTERNAL_QUERY)
        context = field(CLIBPQ_DIAG_CONTEXT)
        schemaName = field(CLIBPQ_DIAG_SCHEMA_NAME)
        tableName = field(CLIBPQ_DIAG_TABLE_NAME)
        columnName = field(CLIBPQ_DIAG_COLUMN_NAME)
        dataTypeName = field(CLIBPQ_DIAG_DATATYPE_NAME)
        constraintName = field(CLIBPQ_DIAG_CONSTRAINT_NAME)
    }

    /// libpq messages end in a newline and may span lines ("connection to server ... failed: ...\n").
    static func trimmed(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "" }
        var string = Substring(String(cString: text))
        while let last = string.last, last.isWhitespace { string.removeLast() }
        while let first = string.first, first.isWhitespace { string.removeFirst() }
        return String(string)
    }
}
