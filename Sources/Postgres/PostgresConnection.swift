import CLibPQ
import Foundation
import Logging

/// One connection to PostgreSQL through libpq.
///
/// Not `Sendable`: one connection, one thread at a time. The `PGconn` is freed with `PQfinish` by
/// ``close()`` or in `deinit`; a connection attempt that fails is freed before the error is thrown.
public final class PostgresConnection {
    private(set) var handle: OpaquePointer?
    let logger: Logger
    /// Kept alive as long as the `PGconn` whose notice receiver points at it.
    private let noticeSink: NoticeSink
    var transactionDepth = 0
    /// Set while rows stream or a COPY is open: libpq runs one command at a time, and a statement sent
    /// meanwhile would consume (and lose) the results in flight.
    private var busyWith: String?
    private var closeRequested = false

    /// Connects and prepares the session: client_encoding UTF8, DateStyle ISO, TimeZone UTC.
    ///
    /// - Parameters:
    ///   - conninfo: `""` uses libpq's environment (`PGHOST`, `PGDATABASE`, `PGUSER`, `PGPASSFILE`, …);
    ///     otherwise a `key=value …` string, a `postgresql://` URL, or a database name.
    ///   - logger: receives server notices (`RAISE NOTICE`, warnings); they never go to stderr.
    /// - Throws: ``PostgresError`` with code 08001 when no connection can be made.
    public init(_ conninfo: String = "", logger: Logger) throws {
        self.logger = logger
        noticeSink = NoticeSink(logger: logger)
        let (keywords, values) = Self.connectionParameters(conninfo)
        let connection = withCStringArray(keywords) { keywords in
            withCStringArray(values) { values in PQconnectdbParams(keywords, values, 1) }
        }
        guard let connection else {
            throw PostgresError(code: .unableToConnect, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = PostgresError.trimmed(PQerrorMessage(connection))
            PQfinish(connection)
            throw PostgresError(
                code: .unableToConnect, message: message.isEmpty ? "could not connect" : message,
                severity: "FATAL")
        }
        handle = connection
        PQsetNoticeReceiver(connection, receiveNotice, Unmanaged.passUnretained(noticeSink).toOpaque())
        do {
            try executeScript("SET DateStyle TO ISO; SET TimeZone TO 'UTC'; SET bytea_output TO hex")
        } catch {
            close()
            throw error
        }
    }

    /// Keywords and values for `PQconnectdbParams` with `expand_dbname`. An empty conninfo passes no
    /// dbname at all, so libpq falls back to its environment. dbname comes first: what it expands to is
    /// overridden by later keywords, and we insist on UTF8.
    static func connectionParameters(_ conninfo: String) -> (keywords: [String], values: [String]) {
        let fixed = [("fallback_application_name", "scorecard"), ("client_encoding", "UTF8")]
        let all = (conninfo.isEmpty ? [] : [("dbname", conninfo)]) + fixed
        return (all.map(\.0), all.map(\.1))
    }

    deinit {
        close()
    }

    /// Frees the connection; later calls throw 08003. Safe to call more than once. Called from inside a
    /// ``stream(_:_:_:)`` or ``copyIn(table:columns:_:)`` body, it takes effect when that call returns.
    public func close() {
        guard let handle else { return }
        if busyWith != nil {
            closeRequested = true
            return
        }
        PQfinish(handle)
        self.handle = nil
    }

    /// True while the connection is open and libpq considers it good.
    public var isConnected: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// True inside a transaction block, including one that a failed statement has aborted.
    public var isInTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// The server process serving this connection (for `pg_terminate_backend`, `pg_stat_activity`).
    public var backendProcessID: Int32 {
        guard let handle else { return 0 }
        return PQbackendPID(handle)
    }

    /// The server version as a number, e.g. 150008 for 15.8.
    public var serverVersion: Int {
        guard let handle else { return 0 }
        return Int(PQserverVersion(handle))
    }

    func requireHandle() throws -> OpaquePointer {
        if let busyWith {
            throw PostgresError(
                code: .prerequisiteStateNotMet,
                message: "the connection is busy \(busyWith): use another connection for this statement")
        }
        guard let handle else {
            throw PostgresError(code: .connectionDoesNotExist, message: "the connection is closed")
        }
        return handle
    }

    /// Runs `body` with the connection marked busy, so statements from inside it are refused.
    func whileBusy<R>(_ activity: String, _ body: () throws -> R) rethrows -> R {
        busyWith = activity
        defer {
            busyWith = nil
            if closeRequested {
                closeRequested = false
                close()
            }
        }
        return try body()
    }
}

@available(*, unavailable, message: "one connection, one thread at a time")
extension PostgresConnection: Sendable {}

/// Calls `body` with a NULL-terminated array of C strings that live for the duration of the call.
func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { for copy in copies { free(copy) } }
    let pointers = copies.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else {
            preconditionFailure("array with a terminator is never empty")
        }
        return body(base)
    }
}
