import Domain
import Foundation
import XML

extension CoAProfile {
    /// Whether this profile reads `document` (root name, namespace and the optional test).
    func matches(_ document: XMLDocument) throws(XMLError) -> Bool {
        guard let root = document.root else { return false }
        for match in matchRules
        where root.name == match.root && root.namespace == match.namespace.flatMap({ $0.isEmpty ? nil : $0 })
        {
            guard let test = match.test else { return true }
            if try XPathContext(document: document, namespaces: namespaces).boolean(test) { return true }
        }
        return false
    }

    /// Maps `document` onto a certificate. Fields the document does not give stay nil; results whose
    /// characteristic is empty are skipped (there is nothing to judge them against).
    func extract(from document: XMLDocument, format: String? = nil) throws(XMLError) -> Certificate {
        let xpath = try XPathContext(document: document, namespaces: namespaces)
        for binding in bindings {
            try xpath.bind(binding.name, to: binding.xpath)
        }
        let fields = self.document
        func text(_ expression: ProfileExpression?) throws(XMLError) -> String? {
            try first(expression, in: xpath, at: nil)
        }
        var certificate = Certificate(format: format ?? name)
        var warnings: [ExtractionWarning] = []
        func date(_ name: String, _ field: DateField?) throws(XMLError) -> Day? {
            guard let field, let written = try text(field.expression) else { return nil }
            let reading = read(written, as: field.formats.isEmpty ? dateFormats : field.formats)
            if case .failure(let warning) = reading {
                warnings.append(
                    ExtractionWarning(field: "document.\(name)", written: written, problem: warning.text))
            }
            return try? reading.get()
        }
        // The supplier's own identifier (DUNS, vendor code) becomes ours when the profile maps it.
        certificate.supplierId = try text(fields.supplierId).map { supplierIds[$0] ?? $0 }
        certificate.supplierName = try text(fields.supplierName)
        certificate.materialId = try text(fields.materialId)
        certificate.partNumber = try text(fields.partNumber)
        certificate.materialName = try text(fields.materialName)
        certificate.lotNumber = try text(fields.lotNumber)
        certificate.manufactured = try date("manufactured", fields.manufactured)
        certificate.expires = try date("expires", fields.expires)
        if let quantity = try text(fields.lotQuantity) {
            certificate.lotQuantity = number(quantity)
            if certificate.lotQuantity == nil {
                warnings.append(
                    ExtractionWarning(
                        field: "document.lotQuantity", written: quantity,
                        problem: "is not a number the scorecard judges; read as not stated"))
            }
        }
        certificate.lotUnit = try text(fields.lotUnit).map(unitAlias)
        certificate.purchaseOrder = try text(fields.purchaseOrder)
        certificate.issued = try date("issued", fields.issued)
        certificate.approvedBy = try text(fields.approvedBy)
        certificate.approvedOn = try date("approvedOn", fields.approvedOn)
        for (index, group) in results.enumerated() {
            var numbering = group.repeating.map { ResultNumbering(start: $0.start) }
            for node in try xpath.nodes(group.select) {
                if let result = try result(
                    of: group, at: node, in: xpath, place: "results[\(index)]", numbering: &numbering,
                    warnings: &warnings)
                {
                    certificate.results.append(result)
                }
            }
        }
        certificate.warnings = warnings
        certificate.options = options
        return certificate
    }

    /// The day `written` gives under the first pattern that reads it; else why not, for the warning.
    private func read(_ written: String, as patterns: [DatePattern]) -> Result<Day, DateProblem> {
        var invalid: String?
        for pattern in patterns {
            switch pattern.read(written) {
            case .day(let day): return .success(day)
            case .invalid(let why): invalid = invalid ?? "\(why) (\(pattern))"
            case .noMatch: continue
            }
        }
        let expected = patterns.map { "'\($0)'" }.joined(separator: " or ")
        return .failure(
            DateProblem(text: "\(invalid ?? "is not a date written as \(expected)"); read as not stated"))
    }

    private func result(
        of group: ResultGroup, at node: XMLNode, in xpath: XPathContext, place: String,
        numbering: inout ResultNumbering?, warnings: inout [ExtractionWarning]
    ) throws(XMLError) -> ReportedResult? {
        var index: String?
        if let repeating = group.repeating, numbering != nil {
            index = try self.index(
                repeating, at: node, in: xpath, place: place, numbering: &numbering, warnings: &warnings)
        }
        for binding in group.bindings {
            try xpath.bind(binding.name, to: binding.xpath, at: node)
        }
        guard var reported = try first(group.characteristic, in: xpath, at: node) else { return nil }
        var characteristic = characteristicAlias(reported)
        if let index, !group.characteristic.usesIndex {
            reported += " \(index)"
            characteristic += " \(index)"
        }
        let place = "\(place) '\(reported)'"
        // `99.2 %, titration`, `0.3 (ICP-MS)`: the words are how it was measured, not its unit.
        let (value, annotation) = ValueAnnotation.split(try first(group.value, in: xpath, at: node) ?? "")
        var method = try first(group.method, in: xpath, at: node)
        if let annotation { method = method.map { "\($0); \(annotation)" } ?? annotation }
        var result = ReportedResult(
            characteristic: characteristic, reportedCharacteristic: reported,
            unit: try first(group.unit, in: xpath, at: node).map(unitAlias), method: method,
            reportedText: value)
        func limit(_ expression: ProfileExpression?, _ side: String) throws(XMLError) -> Double? {
            let read = try firstNumber(expression, in: xpath, at: node)
            if let unreadable = read.unreadable {
                warnings.append(
                    ExtractionWarning(
                        field: "\(place).\(side)", written: unreadable,
                        problem: "is not a number the scorecard judges; no \(side) limit read"))
            }
            return read.number
        }
        result.supplierLower = try limit(group.lower, "lower")
        result.supplierUpper = try limit(group.upper, "upper")
        if let test = group.lowerExclusive, result.supplierLower != nil {
            result.supplierLowerExclusive = try xpath.boolean(test, at: node)
        }
        if let test = group.upperExclusive, result.supplierUpper != nil {
            result.supplierUpperExclusive = try xpath.boolean(test, at: node)
        }
        let limitUnit = try first(group.limitUnit, in: xpath, at: node).map(unitAlias)
        if let limitUnit, result.supplierLower != nil || result.supplierUpper != nil {
            convertLimits(of: &result, from: limitUnit, place: "\(place).limitUnit", warnings: &warnings)
        }
        if let text = try first(group.limits, in: xpath, at: node) {
            apply(limits: text, unit: limitUnit, to: &result, place: place, warnings: &warnings)
        }
        return result
    }

    /// Limits written as text fill the sides `lower` and `upper` left open.
    private func apply(
        limits text: String, unit limitUnit: String?, to result: inout ReportedResult, place: String,
        warnings: inout [ExtractionWarning]
    ) {
        switch LimitText.parse(text, convention: options.decimalConvention) {
        case .failure(let problem):
            warnings.append(
                ExtractionWarning(
                    field: "\(place).limits", written: text, problem: "\(problem.text); not used"))
        case .success(var limits):
            // A unit printed with the limits wins over the group's `limitUnit`.
            let unit = limits.unit.map(unitAlias) ?? limitUnit
            if let unit, let reported = result.unit, unit != reported {
                switch UnitCatalog.conversion(from: unit, to: reported) {
                case .failure(let mismatch):
                    warnings.append(
                        ExtractionWarning(
                            field: "\(place).limits", written: text,
                            problem:
                                "are in \(unit), the result in \(reported) (\(Self.limitProblem(mismatch))); not used"
                        ))
                    return
                case .success(let conversion):
                    limits.lower = limits.lower.map(conversion.convert)
                    limits.upper = limits.upper.map(conversion.convert)
                }
            }
            if result.unit == nil, let unit { result.unit = unit }
            if result.supplierLower == nil, let lower = limits.lower {
                result.supplierLower = lower
                result.supplierLowerExclusive = limits.lowerExclusive
            }
            if result.supplierUpper == nil, let upper = limits.upper {
                result.supplierUpper = upper
                result.supplierUpperExclusive = limits.upperExclusive
            }
        }
    }

    /// The first alternative whose string value, trimmed, is neither empty nor `NaN`.
    func first(_ expression: ProfileExpression?, in xpath: XPathContext, at node: XMLNode?)
        throws(XMLError) -> String?
    {
        guard let expression else { return nil }
        for alternative in expression.alternatives {
            let text = collapse(try xpath.string(alternative, at: node))
            if !text.isEmpty && text != "NaN" { return text }
        }
        return nil
    }

    /// The first alternative giving a finite number. Computed numbers are taken as they are, at full
    /// precision (`MinValue + TargetValue`); text is read as a decimal in the profile's convention.
    /// `unreadable`: text that was there but is not a number (`-`, `none` and `n/a` say "no limit").
    private func firstNumber(_ expression: ProfileExpression?, in xpath: XPathContext, at node: XMLNode?)
        throws(XMLError) -> (number: Double?, unreadable: String?)
    {
        guard let expression else { return (nil, nil) }
        var unreadable: String?
        for alternative in expression.alternatives {
            switch try xpath.evaluate(alternative, at: node) {
            case .number(let number) where number.isFinite: return (number, nil)
            case .number, .boolean: continue
            case let other:
                let text = collapse(other.stringValue)
                if let number = self.number(text) { return (number, nil) }
                if !text.isEmpty, !Self.noLimit.contains(text.lowercased()) {
                    unreadable = unreadable ?? text
                }
            }
        }
        return (nil, unreadable)
    }

    private static let noLimit: Set<String> = [
        "nan", "-", "–", "—", "/", "n/a", "na", "none", "keine", "---",
    ]

    /// A plain number in the profile's decimal convention.
    func number(_ text: String) -> Double? {
        guard options.decimalConvention != .automatic else { return decimal(text) }
        let value = ReportedValue.parse(text, convention: options.decimalConvention)
        guard value.kind == .numeric, value.qualifier == .none, value.unitText == nil else { return nil }
        return value.number
    }

    /// Our name for a supplier's characteristic: an exact alias, else one ignoring case and spacing,
    /// else the supplier's name unchanged.
    func characteristicAlias(_ reported: String) -> String {
        characteristicAliases[reported] ?? foldedCharacteristicAliases[Self.fold(reported)] ?? reported
    }

    func unitAlias(_ reported: String) -> String {
        unitAliases[reported] ?? foldedUnitAliases[Self.fold(reported)] ?? reported
    }

    /// The key for alias look-ups that ignore case and spacing.
    static func fold(_ name: String) -> String {
        collapse(name).lowercased()
    }
}

/// XML whitespace runs (space, tab, CR, LF: the spacing and newlines inside elements) become one space;
/// ends trimmed. Works on UTF-8 bytes: this runs for every field of every document.
func collapse(_ text: String) -> String {
    // Most fields: no copy.
    if ValueText.isTidy(text, rejecting: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for byte in text.utf8 {
        if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            pendingSpace = !bytes.isEmpty
        } else {
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// A day from text starting `YYYY-MM-DD` (a time or zone may follow), for the canonical format, whose
/// schema has already checked the date.
func day(_ text: String) -> Day? {
    // Before 1970 a date is a placeholder (and year 0000, which XSD allows, PostgreSQL refuses).
    Day(iso: text.prefix(10)).flatMap { $0 >= InputRange.earliestDay ? $0 : nil }
}

/// Why a date could not be read, as the warning says it.
struct DateProblem: Error {
    var text: String
}

/// A plain decimal number; a decimal comma is accepted. Full value parsing (qualifiers, thousands
/// separators) is the Values module's job: limits and quantities here are plain numbers.
func decimal(_ text: String) -> Double? {
    var normalized = collapse(text)
    if normalized.utf8.contains(UInt8(ascii: ",")) {
        // Byte by byte: `replacingOccurrences` goes through NSString, several times the cost.
        normalized = String(
            decoding: normalized.utf8.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
    }
    // A limit or quantity the product cannot judge (``InputRange``) is read as not stated.
    guard let number = Double(normalized), NumberLiteral.isJudgeable(number, literal: normalized) else {
        return nil
    }
    return number
}
