import Mustache
import ReportModel

/// Markup the renderer built itself with every value escaped (the SVG charts).
///
/// The only value templates may emit unescaped (`{{{nameMarkup}}}`): its initializer is internal, so
/// only this module's builders make one, and template loading refuses triple mustaches on any name not
/// ending in `Markup`.
public struct Markup: Sendable, Hashable, MustacheCustomRenderable {
    let html: String

    init(trusted html: String) {
        self.html = html
    }

    public var renderText: String { html }
    public var isNull: Bool { html.isEmpty }
}

/// HTML escaping for text and attribute values (both: `&`, `<`, `>`, `"` and `'`).
enum HTMLEscape {
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
