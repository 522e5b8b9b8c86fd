import CLibPQ
import Logging

/// Forwards server notices of one connection to its logger (libpq would print them on stderr).
final class NoticeSink {
    let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    func receive(_ result: OpaquePointer) {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        let severity = field(CLIBPQ_DIAG_SEVERITY_NONLOCALIZED) ?? field(CLIBPQ_DIAG_SEVERITY) ?? "NOTICE"
        var metadata: Logger.Metadata = ["postgres.severity": "\(severity)"]
        if let code = field(CLIBPQ_DIAG_SQLSTATE) { metadata["postgres.sqlstate"] = "\(code)" }
        if let detail = field(CLIBPQ_DIAG_MESSAGE_DETAIL) { metadata["postgres.detail"] = "\(detail)" }
        if let hint = field(CLIBPQ_DIAG_MESSAGE_HINT) { metadata["postgres.hint"] = "\(hint)" }
        let message =
            field(CLIBPQ_DIAG_MESSAGE_PRIMARY) ?? PostgresError.trimmed(PQresultErrorMessage(result))
        logger.log(level: Self.level(of: severity), "\(message)", metadata: metadata)
    }

    static func level(of severity: String) -> Logger.Level {
        switch severity {
        case "DEBUG": .debug
        case "LOG", "INFO": .info
        case "NOTICE": .notice
        default: .warning
        }
    }
}

/// The C notice receiver: `context` is the unretained ``NoticeSink`` owned by the connection.
func receiveNotice(_ context: UnsafeMutableRawPointer?, _ result: OpaquePointer?) {
    guard let context, let result else { return }
    Unmanaged<NoticeSink>.fromOpaque(context).takeUnretainedValue().receive(result)
}
