import XML

/// Counts the nodes of one result group in document order and remembers the names already given,
/// so two results of one document never share a name without a warning.
struct ResultNumbering {
    var next: Int
    var given: Set<String> = []

    init(start: Int) {
        next = start
    }
}

extension CoAProfile {
    /// The index that tells this node's result apart: the `index` the document gives, else the count.
    /// `$position` (the count) and `$index` are bound for the group's other expressions.
    func index(
        _ repeating: Repeat, at node: XMLNode, in xpath: XPathContext, place: String,
        numbering: inout ResultNumbering?, warnings: inout [ExtractionWarning]
    ) throws(XMLError) -> String? {
        guard var counter = numbering else { return nil }
        defer { numbering = counter }
        let position = counter.next
        // Bounded by the profile check and the document's node count: cannot overflow.
        counter.next += 1
        try xpath.bind("position", to: "\(position)")
        var index = "\(position)"
        if let expression = repeating.index {
            if let read = try first(expression, in: xpath, at: node) {
                index = read
            } else {
                warnings.append(
                    ExtractionWarning(
                        field: "\(place).repeat.index", written: "",
                        problem: "is empty at node \(position); numbered \(position) instead"))
            }
        }
        if !counter.given.insert(index).inserted {
            warnings.append(
                ExtractionWarning(
                    field: "\(place).repeat.index", written: index,
                    problem: "is given to an earlier node too; their results share a name"))
        }
        try xpath.bind("index", to: Self.literal(index))
        return index
    }

    /// Converts the supplier's numeric limits from the group's `limitUnit` to the result's unit; a
    /// unit the table cannot convert is a warning and drops both sides (never compared in the wrong unit).
    func convertLimits(
        of result: inout ReportedResult, from unit: String, place: String,
        warnings: inout [ExtractionWarning]
    ) {
        guard let reported = result.unit else {
            result.unit = unit
            return
        }
        guard unit != reported else { return }
        let written =
            [result.supplierLower, result.supplierUpper].map { $0.map { "\($0)" } ?? "-" }
            .joined(separator: " – ") + " \(unit)"
        switch UnitCatalog.conversion(from: unit, to: reported) {
        case .failure(let mismatch):
            warnings.append(
                ExtractionWarning(
                    field: place, written: written,
                    problem:
                        "limits in \(unit), the result in \(reported) (\(Self.limitProblem(mismatch))); not used"
                ))
            result.supplierLower = nil
            result.supplierUpper = nil
        case .success(let conversion):
            result.supplierLower = result.supplierLower.map(conversion.convert)
            result.supplierUpper = result.supplierUpper.map(conversion.convert)
        }
    }

    /// Why a limit's unit does not convert to the result's, in the words of a limit (not a specification).
    static func limitProblem(_ mismatch: UnitMismatch) -> String {
        switch mismatch {
        case .unknown: "\(mismatch)"
        case .incompatible(let from, let to):
            "\(from.family.rawValue) and \(to.family.rawValue) do not convert"
        }
    }

    /// An XPath string literal for any text (XPath 1.0 has no escapes: `concat` joins the quote kinds).
    static func literal(_ text: String) -> String {
        guard text.contains("'") else { return "'\(text)'" }
        guard text.contains("\"") else { return "\"\(text)\"" }
        let parts = text.split(separator: "'", omittingEmptySubsequences: false).map { "'\($0)'" }
        return "concat(" + parts.joined(separator: ", \"'\", ") + ")"
    }
}

extension ProfileExpression {
    /// Whether the expression names `$index` itself, so the index is not appended to the name again.
    var usesIndex: Bool {
        alternatives.contains { alternative in
            var rest = Substring(alternative)
            while let found = rest.range(of: "$index") {
                rest = rest[found.upperBound...]
                guard let next = rest.first else { return true }
                if !(next.isLetter || next.isNumber || next == "_" || next == "-" || next == ".") {
                    return true
                }
            }
            return false
        }
    }
}
