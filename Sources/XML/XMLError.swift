/// Why a document could not be parsed, validated or queried, with the place in it when known.
public struct XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in general terms that callers can match on.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        public var name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        public static let tooLarge = Kind("too_large")
        public static let tooDeep = Kind("too_deep")
        public static let tooManyAttributes = Kind("too_many_attributes")
        public static let tooManyNodes = Kind("too_many_nodes")
        public static let overTimeBudget = Kind("over_time_budget")
        public static let notWellFormed = Kind("not_well_formed")
        public static let entityDeclaration = Kind("entity_declaration")
        public static let externalDTD = Kind("external_dtd")
        public static let invalid = Kind("invalid")
        public static let xpath = Kind("xpath")
        public static let schema = Kind("schema")
        public static let resource = Kind("resource")

        public static func ~= (pattern: Kind, error: any Error) -> Bool {
            (error as? XMLError)?.kind == pattern
        }
    }

    public var kind: Kind
    /// libxml2's message, trimmed, or ours.
    public var message: String
    /// 1-based, when known.
    public var line: Int?
    /// 1-based, when known.
    public var column: Int?

    public init(_ kind: Kind, _ message: String, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.line = line.flatMap { $0 > 0 ? $0 : nil }
        self.column = column.flatMap { $0 > 0 ? $0 : nil }
    }

    public var description: String {
        var place = ""
        if let line {
            place = " at line \(line)" + (column.map { ", column \($0)" } ?? "")
        }
        return "\(kind): \(message)\(place)"
    }
}
