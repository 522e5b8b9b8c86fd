import Foundation

/// A value sent to the server as a text-format statement parameter.
public protocol PostgresEncodable {
    /// The value as PostgreSQL's input function for the target type reads it.
    var postgresText: String { get }

    /// Appends the value as one field of a COPY in text format: ``postgresText`` with backslash, tab,
    /// newline and carriage return escaped. The default escapes ``postgresText``; the standard types write
    /// their bytes directly (the COPY of many rows spends its time here).
    /// - Throws: ``PostgresError`` 22021 when the text contains a NUL character.
    func appendCopyText(to buffer: inout [UInt8]) throws

    /// Appends the value as one quoted element of an array literal (``PostgresArray``): `"` and `\`
    /// backslashed inside the quotes. The default quotes ``postgresText``; numbers, booleans and days,
    /// which hold neither, write their bytes directly.
    func appendArrayElement(to literal: inout [UInt8])
}

extension PostgresEncodable {
    public func appendCopyText(to buffer: inout [UInt8]) throws {
        try PostgresCopyText.appendEscaped(postgresText, to: &buffer)
    }

    public func appendArrayElement(to literal: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        literal.append(quote)
        for byte in postgresText.utf8 {
            if byte == quote || byte == backslash { literal.append(backslash) }
            literal.append(byte)
        }
        literal.append(quote)
    }
}

extension String: PostgresEncodable {
    public var postgresText: String { self }

    public func appendCopyText(to buffer: inout [UInt8]) throws {
        try PostgresCopyText.appendEscaped(self, to: &buffer)
    }
}

extension Substring: PostgresEncodable {
    public var postgresText: String { String(self) }

    public func appendCopyText(to buffer: inout [UInt8]) throws {
        let done: Void? = try utf8.withContiguousStorageIfAvailable { bytes in
            try PostgresCopyText.appendEscaped(bytes, to: &buffer)
        }
        if done == nil { try PostgresCopyText.appendEscaped(String(self), to: &buffer) }
    }
}

extension Int: PostgresEncodable {
    public var postgresText: String { String(self) }

    public func appendCopyText(to buffer: inout [UInt8]) {
        PostgresCopyText.appendDecimal(UInt64(magnitude), negative: self < 0, to: &buffer)
    }

    /// Digits only: quoted without a `String` in between.
    public func appendArrayElement(to literal: inout [UInt8]) {
        literal.append(UInt8(ascii: "\""))
        appendCopyText(to: &literal)
        literal.append(UInt8(ascii: "\""))
    }
}

extension Int32: PostgresEncodable {
    public var postgresText: String { String(self) }

    public func appendCopyText(to buffer: inout [UInt8]) {
        PostgresCopyText.appendDecimal(UInt64(magnitude), negative: self < 0, to: &buffer)
    }
}

extension Int64: PostgresEncodable {
    public var postgresText: String { String(self) }

    public func appendCopyText(to buffer: inout [UInt8]) {
        PostgresCopyText.appendDecimal(magnitude, negative: self < 0, to: &buffer)
    }
}

extension Double: PostgresEncodable {
    /// Shortest text that reads back to the same value; NaN and infinities as PostgreSQL spells them.
    public var postgresText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return "\(self)"
    }

    /// The same text as ``postgresText``, without a `String` in between.
    public func appendCopyText(to buffer: inout [UInt8]) {
        guard isFinite else {
            buffer.append(contentsOf: postgresText.utf8)
            return
        }
        // `write(to:)` prints exactly what `description` (and so `postgresText`) does: the shortest
        // text that reads back to the same value. Swapping moves the buffer without copying it.
        var stream = PostgresCopyText.Stream(bytes: [])
        swap(&stream.bytes, &buffer)
        write(to: &stream)
        swap(&stream.bytes, &buffer)
    }

    /// Digits only: quoted without a `String` in between.
    public func appendArrayElement(to literal: inout [UInt8]) {
        literal.append(UInt8(ascii: "\""))
        appendCopyText(to: &literal)
        literal.append(UInt8(ascii: "\""))
    }
}

extension Bool: PostgresEncodable {
    public var postgresText: String { self ? "t" : "f" }

    public func appendCopyText(to buffer: inout [UInt8]) {
        buffer.append(self ? UInt8(ascii: "t") : UInt8(ascii: "f"))
    }

    /// Digits only: quoted without a `String` in between.
    public func appendArrayElement(to literal: inout [UInt8]) {
        literal.append(UInt8(ascii: "\""))
        appendCopyText(to: &literal)
        literal.append(UInt8(ascii: "\""))
    }
}

extension Date: PostgresEncodable {
    /// ISO 8601 in UTC with microseconds (PostgreSQL's precision), e.g. `2026-03-04T10:00:00.123Z`.
    public var postgresText: String { PostgresTimestamp.format(self) }

    public func appendCopyText(to buffer: inout [UInt8]) {
        PostgresTimestamp.append(self, to: &buffer)
    }
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

    /// `\\x` and the hex digits: COPY text reads a backslash only when it is doubled.
    public func appendCopyText(to buffer: inout [UInt8]) {
        buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\"), UInt8(ascii: "x")])
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count * 2))
        buffer.withUnsafeMutableBufferPointer { text in
            PostgresCopyText.hexDigits.withUnsafeBufferPointer { digits in
                var index = start
                for byte in self {
                    text[index] = digits[Int(byte >> 4)]
                    text[index + 1] = digits[Int(byte & 0x0F)]
                    index += 2
                }
            }
        }
    }
}
