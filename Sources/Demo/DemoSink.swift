/// Where the demo world's rows go. The lead implements it with COPY FROM STDIN; tests record or check rows.
public protocol DemoSink {
    /// Called once per table, in foreign-key order. `table` is the name within schema `procurement`
    /// (`suppliers`, …, `inspection_results`); `columns` are exactly SQL/001_procurement.sql's, in its order. `rows` calls `emit` for each row; values are PostgreSQL
    /// text-format strings (dates YYYY-MM-DD, timestamptz ISO 8601 with Z, booleans t/f, numerics plain),
    /// nil = NULL.
    mutating func write(
        table: String, columns: [String], rows: (_ emit: ([String?]) throws -> Void) throws -> Void
    ) throws
}

/// Why a world cannot be generated.
public enum DemoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The size cannot hold the planted stories (each needs its own suppliers and materials).
    case sizeTooSmall(String)
    /// A CoA file or its folder could not be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .sizeTooSmall(let why): return "demo size too small: \(why)"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}
