/// The result of an XPath 1.0 expression.
public enum XPathValue {
    case nodes([XMLNode])
    case string(String)
    case number(Double)
    case boolean(Bool)

    /// The XPath `string()` of the value: the first node's text for a node set.
    public var stringValue: String {
        switch self {
        case .nodes(let nodes): return nodes.first?.text ?? ""
        case .string(let text): return text
        case .number(let number): return XPathValue.format(number)
        case .boolean(let flag): return flag ? "true" : "false"
        }
    }

    /// XPath 1.0's number-to-string rule: integers without a decimal point, NaN as `NaN`.
    static func format(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
