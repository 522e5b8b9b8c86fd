import Foundation

/// A value read from the text form the server prints for a column.
public protocol PostgresDecodable {
    /// Throws ``PostgresDecodingError`` (or any error) when the text is not a valid value.
    init(postgresText: String) throws

    /// Reads the value straight from the bytes libpq holds, without making a `String` first (rows are
    /// decoded by the million); nil when it cannot, and then ``init(postgresText:)`` decides and names
    /// the error. The bytes are followed by a NUL, as libpq keeps every text value. The default returns nil.
    static func decode(postgresBytes: UnsafeBufferPointer<UInt8>) -> Self?
}

extension PostgresDecodable {
    public static func decode(postgresBytes: UnsafeBufferPointer<UInt8>) -> Self? { nil }
}

extension String: PostgresDecodable {
    public init(postgresText: String) { self = postgresText }

    public static func decode(postgresBytes: UnsafeBufferPointer<UInt8>) -> String? {
        String(decoding: postgresBytes, as: UTF8.self)
    }
}

extension Int {
    public init(postgresText: String) throws {
        guard let value = Int(postgresText) else { throw PostgresDecodingError.notA("Int", postgresText) }
        self = value
    }
}

extension Int32 {
    public init(postgresText: String) throws {
        guard let value = Int32(postgresText) else { throw PostgresDecodingError.notA("Int32", postgresText) }
        self = value
    }
}

extension Int64 {
    public init(postgresText: String) throws {
        guard let value = Int64(postgresText) else { throw PostgresDecodingError.notA("Int64", postgresText) }
        self = value
    }
}

extension Double {
    /// Reads float8 and numeric text, including `NaN`, `Infinity` and `-Infinity`.
    public init(postgresText: String) throws {
        switch postgresText {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default:
            // Double(_:) also accepts "inf" and "nan" spellings and hex floats the server never prints.
            guard let first = postgresText.utf8.first,
                first == UInt8(ascii: "-") || (48...57).contains(first)
                    || first == UInt8(ascii: "."),
                let value = Double(postgresText)
            else { throw PostgresDecodingError.notA("Double", postgresText) }
            self = value
        }
    }
}

extension Bool {
    public init(postgresText: String) throws {
        switch postgresText {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw PostgresDecodingError.notA("Bool", postgresText)
        }
    }
}

extension Date: PostgresDecodable {
    /// Reads timestamptz as printed with DateStyle ISO (e.g. `2026-03-04 10:00:00.123+00`), a timestamp
    /// without zone (taken as UTC) or a date (midnight UTC).
    public init(postgresText: String) throws {
        guard let date = PostgresTimestamp.parse(postgresText) else {
            throw PostgresDecodingError.notA("Date", postgresText)
        }
        self = date
    }
}

extension [UInt8]: PostgresDecodable {
    /// Reads bytea in hex output format (`\x0a1b`), the server's default.
    public init(postgresText: String) throws {
        var bytes: [UInt8] = []
        let utf8 = Array(postgresText.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"),
            utf8.count % 2 == 0
        else { throw PostgresDecodingError.notA("[UInt8]", postgresText) }
        bytes.reserveCapacity((utf8.count - 2) / 2)
        var index = 2
        while index < utf8.count {
            guard let high = Self.hexValue(utf8[index]), let low = Self.hexValue(utf8[index + 1]) else {
                throw PostgresDecodingError.notA("[UInt8]", postgresText)
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        self = bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
