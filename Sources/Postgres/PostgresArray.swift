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
    public var postgresText: String {
        let items = elements.map { element -> String in
            guard let element else { return "NULL" }
            var quoted = "\""
            for character in element.postgresText.unicodeScalars {
                if character == "\"" || character == "\\" { quoted.unicodeScalars.append("\\") }
                quoted.unicodeScalars.append(character)
            }
            return quoted + "\""
        }
        return "{" + items.joined(separator: ",") + "}"
    }
}
