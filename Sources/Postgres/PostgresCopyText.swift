/// Writing fields of COPY's text format straight into the send buffer: no `String` per value, and a
/// byte is looked at twice only when it has to be escaped.
enum PostgresCopyText {
    /// Appends UTF-8 text with backslash, tab, newline and carriage return escaped; a NUL byte is refused
    /// (22021), because COPY text cannot carry it and the server would refuse it anyway.
    static func appendEscaped(_ text: String, to buffer: inout [UInt8]) throws {
        let done: Void? = try text.utf8.withContiguousStorageIfAvailable { bytes in
            try appendEscaped(bytes, to: &buffer)
        }
        if done == nil {
            let copy = Array(text.utf8)
            try copy.withUnsafeBufferPointer { try appendEscaped($0, to: &buffer) }
        }
    }

    /// Runs of bytes that need no escape are copied at once.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) throws {
        var runStart = 0
        for index in bytes.indices {
            let byte = bytes[index]
            // Everything above the control characters except the backslash passes unchanged.
            if byte > 0x1F && byte != UInt8(ascii: "\\") { continue }
            let escape: UInt8
            switch byte {
            case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
            case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
            case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
            case 0: throw nulError
            default: continue  // other control characters arrive as they are
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            buffer.append(UInt8(ascii: "\\"))
            buffer.append(escape)
            runStart = index + 1
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    static let nulError = PostgresError(
        code: SQLState("22021"), message: "COPY value contains a NUL character")

    /// Decimal digits of `magnitude`, after a minus sign when `negative`.
    static func appendDecimal(_ magnitude: UInt64, negative: Bool, to buffer: inout [UInt8]) {
        if negative { buffer.append(UInt8(ascii: "-")) }
        var digits = 1
        var rest = magnitude
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        let end = buffer.count + digits
        buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        buffer.withUnsafeMutableBufferPointer { bytes in
            var value = magnitude
            var index = end - 1
            repeat {
                bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
                index -= 1
            } while value > 0
        }
    }

    /// `value` with zeros in front up to `width` digits (0 ≤ value).
    static func appendPadded(_ value: Int64, width: Int, to buffer: inout [UInt8]) {
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        if digits < width {
            buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits))
        }
        appendDecimal(UInt64(value), negative: false, to: &buffer)
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Collects what a `TextOutputStreamable` writes (e.g. a Double's shortest text) into the buffer.
    struct Stream: TextOutputStream {
        var bytes: [UInt8]
        mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
    }
}
