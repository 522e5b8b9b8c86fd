/// A document date: where it is, and how it is written when that is not the profile's `dateFormat`.
/// Written as an expression, or as `{"xpath": EXPRESSION, "dateFormat": "dd.MM.yyyy"}`.
public struct DateField: Sendable, Hashable, Decodable {
    public var expression: ProfileExpression
    /// Tried in order; empty: the profile's.
    public var formats: [DatePattern]

    public init(_ expression: ProfileExpression, formats: [DatePattern] = []) {
        self.expression = expression
        self.formats = formats
    }

    enum CodingKeys: String, CodingKey {
        case xpath, dateFormat
    }

    public init(from decoder: any Decoder) throws {
        guard let keyed = try? decoder.container(keyedBy: CodingKeys.self) else {
            self.init(try ProfileExpression(from: decoder))
            return
        }
        self.init(
            try keyed.decode(ProfileExpression.self, forKey: .xpath),
            formats: try keyed.decodeIfPresent(DatePatterns.self, forKey: .dateFormat)?.patterns ?? [])
    }
}

/// One date pattern or an array of them, as written in a profile.
struct DatePatterns: Decodable {
    var patterns: [DatePattern]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let written: [String]
        if let single = try? container.decode(String.self) {
            written = [single]
        } else {
            written = try container.decode([String].self)
        }
        do {
            patterns = try written.map { text throws(DatePatternError) in try DatePattern(text) }
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
        }
    }
}
