/// One or more XPath 1.0 expressions for a field: the first whose string value is not empty (and,
/// for numbers, not `NaN`) wins. Written in a profile as a string or an array of strings.
public struct ProfileExpression: Sendable, Hashable, Decodable {
    public var alternatives: [String]

    public init(_ alternatives: [String]) {
        self.alternatives = alternatives
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let single = try? container.decode(String.self) {
            alternatives = [single]
        } else {
            alternatives = try container.decode([String].self)
        }
        if alternatives.isEmpty {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "an expression needs at least one XPath")
        }
    }
}

/// `let` bindings: evaluated in order, each may use the ones before it as `$name`.
public struct ProfileBinding: Sendable, Hashable, Decodable {
    public var name: String
    public var xpath: String
}
