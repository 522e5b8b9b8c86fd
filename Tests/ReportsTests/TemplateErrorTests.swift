import Foundation
import ReportModel
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

    @Test func missingTemplatesFolderIsNamed() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent(
            "no-such-\(UUID().uuidString)")
        #expect(throws: ReportTemplateError.self) { try ReportRenderer(templatesDirectory: missing) }
    }

    @Test func unwritableOutputThrowsInsteadOfWritingHalfAReport() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // A plain file where the suppliers folder should go.
        try Data("x".utf8).write(to: root.appendingPathComponent("suppliers"))
        let renderer = try ReportRenderer(templatesDirectory: Fixtures.templatesDirectory)
        #expect(throws: (any Error).self) { try renderer.render(Fixtures.smallReport(), to: root) }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("index.html").path))
    }
}
