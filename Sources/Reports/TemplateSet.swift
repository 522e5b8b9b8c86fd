import Foundation
import Mustache
import ReportModel

/// A template that cannot be used, named by its file (relative to the templates folder).
public struct ReportTemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based, when the parser reports it.
    public var line: Int?
    public var column: Int?
    public var message: String

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}

/// The compiled templates of the Reports/ folder: `index`, `supplier`, `material` and any partials
/// (`partials/*.mustache`, used as `{{> partials/name}}`).
struct TemplateSet: Sendable {
    static let pageTemplates = ["index", "supplier", "material", "glossary"]

    let library: MustacheLibrary

    init(directory: URL) throws {
        let files = try TemplateSet.templateFiles(in: directory)
        var templates: [String: MustacheTemplate] = [:]
        for relative in files {
            let url = directory.appendingPathComponent(relative)
            let text: String
            do {
                text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            } catch {
                throw ReportTemplateError(
                    file: relative, message: "cannot read: \(error.localizedDescription)")
            }
            try TemplateSet.checkEscaping(text, file: relative)
            do {
                templates[String(relative.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw ReportTemplateError(
                    file: relative, line: error.context.lineNumber, column: error.context.columnNumber,
                    message: "template syntax error (\(error.error)) in line: \(error.context.line)")
            }
        }
        for name in TemplateSet.pageTemplates where templates[name] == nil {
            throw ReportTemplateError(file: name + ".mustache", message: "template missing")
        }
        library = MustacheLibrary(templates: templates)
    }

    func render(_ page: Any, template name: String) -> String {
        library.render(TemplateContext.make(page), withTemplate: name) ?? ""
    }

    /// `*.mustache` files under `directory`, relative paths, sorted.
    private static func templateFiles(in directory: URL) throws -> [String] {
        let root = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw ReportTemplateError(file: root, message: "templates folder not found")
        }
        var files: [String] = []
        for case let path as String in enumerator where path.hasSuffix(".mustache") {
            files.append(path)
        }
        if files.isEmpty, !FileManager.default.fileExists(atPath: root) {
            throw ReportTemplateError(file: root, message: "templates folder not found")
        }
        return files.sorted()
    }

    /// Keeps the pre-rendered-markup mechanism the only unescaped path: triple mustaches and `{{& }}`
    /// are accepted only for names ending in `Markup`; delimiter changes (which would hide tags from
    /// this check) and pragmas (`CONTENT_TYPE: TEXT` turns escaping off) are refused.
    static func checkEscaping(_ text: String, file: String) throws {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var rest = Substring(line)
            while let open = rest.range(of: "{{") {
                let tag = rest[open.upperBound...]
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                let name: Substring?
                if tag.hasPrefix("=") || tag.hasPrefix("%") {
                    throw ReportTemplateError(
                        file: file, line: lineNumber, column: column,
                        message: "delimiter changes ({{= =}}) and pragmas ({{% }}) are not allowed: "
                            + "they would bypass HTML escaping")
                } else if tag.hasPrefix("{") {
                    name = tag.dropFirst().prefix { $0 != "}" }
                } else if tag.hasPrefix("&") {
                    name = tag.dropFirst().prefix { $0 != "}" }
                } else {
                    name = nil
                }
                if let name {
                    let trimmed = name.trimmingCharacters(in: .whitespaces)
                    if !trimmed.hasSuffix("Markup") {
                        throw ReportTemplateError(
                            file: file, line: lineNumber, column: column,
                            message: "unescaped tag on '\(trimmed)': only pre-rendered *Markup values may be "
                                + "unescaped; use {{\(trimmed)}}")
                    }
                }
                rest = tag
            }
        }
    }
}
