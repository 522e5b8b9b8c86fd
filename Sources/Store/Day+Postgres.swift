import Domain
import Postgres

extension Day: PostgresEncodable {
    public var postgresText: String { iso }

    /// ``iso`` (digit by digit, a small string: no allocation); never needs escaping.
    public func appendCopyText(to buffer: inout [UInt8]) throws {
        buffer.append(contentsOf: iso.utf8)
    }

    public func appendArrayElement(to literal: inout [UInt8]) {
        literal.append(UInt8(ascii: "\""))
        literal.append(contentsOf: iso.utf8)
        literal.append(UInt8(ascii: "\""))
    }
}

extension Day: PostgresDecodable {
    public static func decode(postgresBytes: UnsafeBufferPointer<UInt8>) -> Day? {
        Day(isoBytes: postgresBytes)
    }

    public init(postgresText: String) throws {
        guard let day = Day(iso: postgresText) else { throw StoreError.badValue("date", postgresText) }
        self = day
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case badValue(String, String)
    case missing(String)

    public var description: String {
        switch self {
        case .badValue(let type, let text): "unexpected \(type) value '\(text)' from the database"
        case .missing(let what): "missing from the database: \(what)"
        }
    }
}
