/// The fields of one row of a COPY, appended in column order inside
/// ``PostgresCopyWriter/appendRow(fields:)``.
public struct PostgresCopyRow {
    @usableFromInline var buffer: [UInt8] = []
    /// Fields appended so far.
    @usableFromInline var count = 0

    @usableFromInline init() {}

    /// Appends the next field; nil is written as NULL (`\N`).
    /// - Throws: ``PostgresError`` 22021 when a text contains a NUL character.
    @inlinable
    public mutating func append<Value: PostgresEncodable>(_ value: Value?) throws {
        if count > 0 { buffer.append(UInt8(ascii: "\t")) }
        count += 1
        if let value {
            try value.appendCopyText(to: &buffer)
        } else {
            buffer.append(UInt8(ascii: "\\"))
            buffer.append(UInt8(ascii: "N"))
        }
    }

    /// ``append(_:)`` for a value whose type is known only at run time (the existential is opened).
    mutating func append(existential value: (any PostgresEncodable)?) throws {
        guard let value else { return try append(String?.none) }
        try append(value)
    }
}
