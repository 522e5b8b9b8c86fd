extension PostgresArray {
    /// The array literal of ``postgresText`` written straight into the COPY buffer: numbers and booleans
    /// bare (they never need quoting, and the stored charts send a quarter of a million of them a night),
    /// everything else quoted; then the COPY escapes over the whole literal.
    /// - Throws: ``PostgresError`` 22021 when an element contains a NUL character.
    public func appendCopyText(to buffer: inout [UInt8]) throws {
        var literal: [UInt8] = [UInt8(ascii: "{")]
        literal.reserveCapacity(2 + elements.count * 12)
        for (index, element) in elements.enumerated() {
            if index > 0 { literal.append(UInt8(ascii: ",")) }
            switch element {
            case nil:
                literal.append(contentsOf: "NULL".utf8)
            case let number as Double:
                number.appendCopyText(to: &literal)
            case let number as Int:
                number.appendCopyText(to: &literal)
            case let flag as Bool:
                flag.appendCopyText(to: &literal)
            case let other?:
                literal.append(UInt8(ascii: "\""))
                for byte in other.postgresText.utf8 {
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                        literal.append(UInt8(ascii: "\\"))
                    }
                    literal.append(byte)
                }
                literal.append(UInt8(ascii: "\""))
            }
        }
        literal.append(UInt8(ascii: "}"))
        try literal.withUnsafeBufferPointer { try PostgresCopyText.appendEscaped($0, to: &buffer) }
    }
}
