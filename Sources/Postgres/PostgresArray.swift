/// A PostgreSQL array parameter in text form, e.g. for `WHERE supplier_id = ANY($1::text[])`.
///
/// A wrapper rather than a conformance of `Array`, which already means bytea for `[UInt8]`.
public struct PostgresArray: PostgresEncodable {
    public var elements: [(any PostgresEncodable)?]

    /// nil elements become NULL.
    public init(_ elements: [(any PostgresEncodable)?]) {
        self.elements = elements
    }

    public init<S: Sequence>(_ elements: S) where S.Element: PostgresEncodable {
        self.elements = elements.map { $0 }
    }

    /// `{"a","b\"c",NULL}`: every element quoted, so commas, braces, spaces and the word NULL stay data.
    public var postgresText: String { String(decoding: literal(), as: UTF8.self) }

    /// The literal of ``postgresText`` as bytes, built without a `String` per element: numbers write their
    /// digits straight in (a stored chart sends a quarter of a million of them a night).
    func literal() -> [UInt8] {
        var literal: [UInt8] = [UInt8(ascii: "{")]
        literal.reserveCapacity(2 + elements.count * 14)
        for (index, element) in elements.enumerated() {
            if index > 0 { literal.append(UInt8(ascii: ",")) }
            if let element {
                element.appendArrayElement(to: &literal)
            } else {
                literal.append(contentsOf: "NULL".utf8)
            }
        }
        literal.append(UInt8(ascii: "}"))
        return literal
    }

    /// ``postgresText`` as one COPY field: the literal's bytes with the COPY escapes applied once.
    /// - Throws: ``PostgresError`` 22021 when an element contains a NUL character.
    public func appendCopyText(to buffer: inout [UInt8]) throws {
        try literal().withUnsafeBufferPointer { try PostgresCopyText.appendEscaped($0, to: &buffer) }
    }

}
