import Foundation

/// A value sent to the server as a text-format statement parameter.
public protocol PostgresEncodable {
    /// The value as PostgreSQL's input function for the target type reads it.
    var postgresText: String { get }
}

extension String: PostgresEncodable {
    public var postgresText: String { self }
}

extension Substring: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int32: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int64: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Double: PostgresEncodable {
    /// Shortest text that reads back to the same value; NaN and infinities as PostgreSQL spells them.
    public var postgresText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return "\(self)"
    }
}

extension Bool: PostgresEncodable {
    public var postgresText: String { self ? "t" : "f" }
}

extension Date: PostgresEncodable {
    /// ISO 8601 in UTC with microseconds (PostgreSQL's precision), e.g. `2026-03-04T10:00:00.123Z`.
    public var postgresText: String { PostgresTimestamp.format(self) }
}

extension [UInt8]: PostgresEncodable {
    /// bytea hex format: `\x` followed by two lowercase hex digits per byte.
    public var postgresText: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]("\\x".utf8)
        text.reserveCapacity(2 + count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
