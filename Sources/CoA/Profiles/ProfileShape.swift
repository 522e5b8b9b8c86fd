/// What a value in a profile may be. The profile's whole shape is written down once
/// (``ProfileShape/profile``) and checked before decoding, so an unknown or misspelt key is an error
/// with its path and not silently ignored.
indirect enum ProfileShape: Sendable {
    case text
    /// A string, or null for "none".
    case optionalText
    case flag
    /// A whole number within ``wholeNumberRange``.
    case wholeNumber
    /// An XPath, or a non-empty array of alternatives.
    case expression
    /// An object of strings (aliases, namespaces).
    case textMap
    /// One of these strings, exactly.
    case choice([String])
    case list(ProfileShape)
    /// One value of the shape, or a non-empty array of them.
    case oneOrMore(ProfileShape)
    /// A ``DatePattern``, or a non-empty array of them tried in order.
    case datePatterns
    /// A date field: an expression, or `{"xpath": EXPRESSION, "dateFormat": PATTERNS}`.
    case dateField
    case record([(key: String, shape: ProfileShape)], required: Set<String>)

    /// What an author reads in an error about this value's type.
    var expected: String {
        switch self {
        case .text: "a string"
        case .optionalText: "a string or null"
        case .flag: "true or false"
        case .wholeNumber:
            "a whole number from \(Self.wholeNumberRange.lowerBound) to \(Self.wholeNumberRange.upperBound)"
        case .expression: "an XPath string or an array of them"
        case .textMap: "an object of strings"
        case .choice(let values): "one of " + values.map { "'\($0)'" }.joined(separator: ", ")
        case .list: "an array"
        case .oneOrMore(let shape): "\(shape.expected) or an array of them"
        case .datePatterns: "a date pattern or an array of them"
        case .dateField: "an XPath string, an array of them, or {\"xpath\", \"dateFormat\"}"
        case .record: "an object"
        }
    }
}

extension ProfileShape {
    static let binding = ProfileShape.record(
        [("name", .text), ("xpath", .text)], required: ["name", "xpath"])

    static let dateFields: Set<String> = ["manufactured", "expires", "issued", "approvedOn"]

    static let dateFieldRecord = ProfileShape.record(
        [("xpath", .expression), ("dateFormat", .datePatterns)], required: ["xpath"])

    static let documentFields: [String] = [
        "supplierId", "supplierName", "materialId", "partNumber", "materialName", "lotNumber",
        "manufactured", "expires", "lotQuantity", "lotUnit", "purchaseOrder", "issued", "approvedBy",
        "approvedOn",
    ]

    static let resultGroup = ProfileShape.record(
        [
            ("select", .text), ("let", .list(binding)), ("characteristic", .expression),
            ("value", .expression),
            ("unit", .expression), ("method", .expression), ("lower", .expression), ("upper", .expression),
            ("limits", .expression), ("limitUnit", .expression),
            ("lowerExclusive", .text), ("upperExclusive", .text), ("repeat", repeating),
        ], required: ["select", "characteristic", "value"])

    static let repeating = ProfileShape.record(
        [("index", .expression), ("start", .wholeNumber)], required: [])

    /// Wide enough for any numbering, small enough that counting on from it cannot overflow.
    static let wholeNumberRange = -1_000_000...1_000_000

    static let match = ProfileShape.record(
        [("root", .text), ("namespace", .optionalText), ("test", .text)], required: ["root"])

    /// The whole profile file, as profiles/README.md documents it.
    static let profile = ProfileShape.record(
        [
            ("name", .text), ("description", .text), ("match", .oneOrMore(match)), ("namespaces", .textMap),
            ("supplierIds", .textMap),
            ("let", .list(binding)),
            ("dateFormat", .datePatterns),
            ("decimalConvention", .choice(DecimalConvention.allCases.map(\.rawValue))),
            ("assumeSpecUnitWhenMissing", .flag),
            (
                "document",
                .record(
                    documentFields.map { ($0, dateFields.contains($0) ? .dateField : .expression) },
                    required: [])
            ),
            ("results", .list(resultGroup)), ("characteristicAliases", .textMap), ("unitAliases", .textMap),
        ], required: ["name", "document", "results"])
}
