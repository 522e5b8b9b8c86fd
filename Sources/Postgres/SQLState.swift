/// A PostgreSQL SQLSTATE error code, such as `23505` for a unique violation.
///
/// An extensible struct rather than an enum: the server knows hundreds of codes, we name the ones we use,
/// and callers can still match any other by its raw value. Matching works in `catch` clauses:
///
/// ```swift
/// do { try connection.execute(sql) } catch SQLState.uniqueViolation { ... }
/// ```
public struct SQLState: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The five-character code, e.g. `"23505"`.
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// The two-character class, e.g. `"23"` (integrity constraint violation).
    public var classCode: String { String(rawValue.prefix(2)) }

    /// True when the connection is gone or unusable: class 08, or the server shutting down (57P01–57P03).
    public var isConnectionError: Bool {
        classCode == "08" || self == .adminShutdown || self == .crashShutdown || self == .cannotConnectNow
    }

    public var description: String { rawValue }

    /// Lets `catch SQLState.uniqueViolation` match a ``PostgresError`` with that code.
    public static func ~= (pattern: SQLState, error: any Error) -> Bool {
        guard let error = error as? PostgresError else { return false }
        return error.code == pattern
    }
}

extension SQLState {
    public static let successfulCompletion = SQLState("00000")
    public static let connectionException = SQLState("08000")
    public static let connectionDoesNotExist = SQLState("08003")
    public static let unableToConnect = SQLState("08001")
    public static let connectionFailure = SQLState("08006")
    public static let protocolViolation = SQLState("08P01")
    public static let dataException = SQLState("22000")
    public static let nullValueNotAllowed = SQLState("22004")
    public static let invalidParameterValue = SQLState("22023")
    public static let invalidTextRepresentation = SQLState("22P02")
    public static let badCopyFileFormat = SQLState("22P04")
    public static let integrityConstraintViolation = SQLState("23000")
    public static let notNullViolation = SQLState("23502")
    public static let foreignKeyViolation = SQLState("23503")
    public static let uniqueViolation = SQLState("23505")
    public static let checkViolation = SQLState("23514")
    public static let exclusionViolation = SQLState("23P01")
    public static let inFailedSQLTransaction = SQLState("25P02")
    public static let serializationFailure = SQLState("40001")
    public static let deadlockDetected = SQLState("40P01")
    public static let syntaxError = SQLState("42601")
    public static let insufficientPrivilege = SQLState("42501")
    public static let undefinedColumn = SQLState("42703")
    public static let undefinedFunction = SQLState("42883")
    public static let undefinedTable = SQLState("42P01")
    public static let duplicateTable = SQLState("42P07")
    public static let diskFull = SQLState("53100")
    public static let outOfMemory = SQLState("53200")
    public static let tooManyConnections = SQLState("53300")
    /// object_not_in_prerequisite_state
    public static let prerequisiteStateNotMet = SQLState("55000")
    public static let objectInUse = SQLState("55006")
    public static let lockNotAvailable = SQLState("55P03")
    public static let queryCanceled = SQLState("57014")
    public static let adminShutdown = SQLState("57P01")
    public static let crashShutdown = SQLState("57P02")
    public static let cannotConnectNow = SQLState("57P03")
    public static let raiseException = SQLState("P0001")
    public static let internalError = SQLState("XX000")
}
