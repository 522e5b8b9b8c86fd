import Domain
import ReportModel

/// A small builder of SVG markup that escapes every attribute value and text it is given.
///
/// Element and attribute names are fixed by the calling code (string literals), never data.
struct SVGBuilder {
    private(set) var output = ""

    init(width: Double, height: Double, label: String) {
        output.reserveCapacity(8_192)
        output += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""
        attribute("viewBox", "0 0 \(SVGBuilder.number(width)) \(SVGBuilder.number(height))")
        attribute("width", SVGBuilder.number(width))
        attribute("height", SVGBuilder.number(height))
        attribute("aria-label", label)
        output += ">"
        element("title", text: label)
    }

    /// An empty element, e.g. `<line x1="0" .../>`.
    mutating func element(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:]) {
        open(name, attributes)
        output += "/>"
    }

    /// An element holding escaped text, e.g. a label.
    mutating func element(
        _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], text: String
    ) {
        open(name, attributes)
        output += ">"
        output += HTMLEscape.escape(text)
        output += "</\(name)>"
    }

    /// Starts a container element (`g`); close it with `end`.
    mutating func begin(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:]) {
        open(name, attributes)
        output += ">"
    }

    mutating func end(_ name: StaticString) {
        output += "</\(name)>"
    }

    /// The finished `<svg>` element.
    mutating func finish() -> Markup {
        output += "</svg>"
        return Markup(trusted: output)
    }

    private mutating func open(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String>) {
        output += "<\(name)"
        for (key, value) in attributes {
            attribute(key, value)
        }
    }

    private mutating func attribute(_ name: StaticString, _ value: String) {
        output += " \(name)=\""
        output += HTMLEscape.escape(value)
        output += "\""
    }

    /// Coordinates with at most two decimals: enough for a screen, short in the file.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), let whole = rounded.roundedInteger { return String(whole) }
        return String(rounded)
    }
}
