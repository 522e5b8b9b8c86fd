import Foundation
import Reports
import Testing

@Suite struct TemplateErrorTests {
    /// A copy of the real templates with one file replaced.
    private func templates(replacing file: String, with text: String?) throws -> URL {
        let root = try Fixtures.temporaryDirectory()
        let copy = root.appendingPathComponent("Reports")
        try FileManager.default.copyItem(at: Fixtures.templatesDirectory, to: copy)
        let target = copy.appendingPathComponent(file)
        if let text {
            try Data(text.utf8).write(to: target)
        } else {
            try FileManager.default.removeItem(at: target)
        }
        return copy
    }

    private func loadError(_ directory: URL) -> ReportTemplateError? {
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        do {
            _ = try ReportRenderer(templatesDirectory: directory)
            return nil
        } catch let error as ReportTemplateError {
            return error
        } catch {
            return nil
        }
    }

    @Test func syntaxErrorNamesTheTemplateFile() throws {
        let error = try #require(
            loadError(
                try templates(replacing: "supplier.mustache", with: "<p>\n{{#flags}}<b>{{message}}</b>\n")))
        #expect(error.file == "supplier.mustache")
        #expect(error.description.hasPrefix("supplier.mustache:"))
    }

    @Test func syntaxErrorInAPartialNamesItsPath() throws {
        let error = try #require(
            loadError(try templates(replacing: "partials/run.mustache", with: "{{#run}}{{/runs}}")))
        #expect(error.file == "partials/run.mustache")
    }

    @Test(arguments: ["{{{name}}}", "{{& name}}", "{{=<% %>=}}<%{name}%>", "{{%CONTENT_TYPE: TEXT}}{{name}}"])
    func unescapedOutputOfDataIsRefused(_ tag: String) throws {
        let error = try #require(
            loadError(try templates(replacing: "material.mustache", with: "<h1>\n  \(tag)</h1>")))
        #expect(error.file == "material.mustache")
        #expect(error.line == 2)
        #expect(error.column == 3)
    }

    @Test func preRenderedMarkupMayBeUnescaped() throws {
        let directory = try templates(
            replacing: "material.mustache", with: "{{{chartMarkup}}}{{& otherMarkup }}")
        #expect(loadError(directory) == nil)
    }

    @Test func missingPageTemplateIsNamed() throws {
        let error = try #require(loadError(try templates(replacing: "index.mustache", with: nil)))
        #expect(error.file == "index.mustache")
        #expect(error.message == "template missing")
    }
}
