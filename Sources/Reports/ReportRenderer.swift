import Dispatch
import Domain
import Foundation
import ReportModel

/// Renders a run's stored results as static HTML through the templates of the Reports/ folder.
public struct ReportRenderer: Sendable {
    private let templates: TemplateSet

    /// Loads and compiles the templates from `templatesDirectory` (the top-level Reports/ folder).
    /// Throws `ReportTemplateError` naming the file (and line and column where known) for a syntax
    /// error, an unescaped tag on data, or a missing page template.
    public init(templatesDirectory: URL) throws {
        templates = try TemplateSet(directory: templatesDirectory)
    }

    /// Writes `index.html`, `suppliers/<id>.html` and `materials/<id>.html` into `directory`, each file
    /// atomically. File names come from `PageFileName`, so no id can escape `directory`.
    public func render(_ report: ScorecardReport, to directory: URL) throws -> RenderSummary {
        try renderMaterialPages(MaterialPagesInput(report), to: directory)
            + renderSupplierPagesAndIndex(report, to: directory)
    }

    /// The first part of ``render(_:to:)``: `materials/<id>.html`, creating the folders. It needs only
    /// ``MaterialPagesInput``, so it can run while the rest of the report is still being read.
    public func renderMaterialPages(_ input: MaterialPagesInput, to directory: URL) throws -> RenderSummary {
        let folders = try Folders(directory)
        let run = RunView(input.run)
        var flagsByMaterial: [String: [(String, Flag)]] = [:]
        for supplier in input.suppliers {
            for flag in supplier.flags {
                guard let material = flag.materialId else { continue }
                flagsByMaterial[material, default: []].append(
                    ("\(supplier.name) (\(supplier.supplierId))", flag))
            }
        }
        let knownSuppliers = Set(input.suppliers.map(\.supplierId))
        let scored = Dictionary(input.suppliers.map { ($0.supplierId, $0) }, uniquingKeysWith: { a, _ in a })
        let materials = input.materials
        let materialFlags = flagsByMaterial
        return try Self.renderInParallel(count: materials.count) { index in
            let material = materials[index]
            let page = MaterialPage(
                material, run: run, knownSuppliers: knownSuppliers,
                flags: materialFlags[material.materialId] ?? [], scored: scored)
            return (
                templates.render(page, template: "material"),
                folders.materials.appendingPathComponent(PageFileName.html(for: material.materialId))
            )
        }
    }

    /// The second part of ``render(_:to:)``: `suppliers/<id>.html`, then `index.html`.
    public func renderSupplierPagesAndIndex(_ report: ScorecardReport, to directory: URL) throws
        -> RenderSummary
    {
        let folders = try Folders(directory)
        var sourcesBySupplier: [String: [SupplierPage.SourceRow]] = [:]
        for material in report.materials {
            for source in material.sources {
                sourcesBySupplier[source.supplierId, default: []].append(
                    SupplierPage.SourceRow(
                        link: "../materials/" + PageFileName.html(for: material.materialId),
                        materialId: material.materialId, name: material.name, status: source.status))
            }
        }
        // Supplier pages are most of the work and independent of each other: every core.
        let suppliers = report.suppliers
        let sources = sourcesBySupplier
        let summary = try Self.renderInParallel(count: suppliers.count) { index in
            let supplier = suppliers[index]
            let page = SupplierPage(supplier, report: report, materials: sources[supplier.supplierId] ?? [])
            return (
                templates.render(page, template: "supplier"),
                folders.suppliers.appendingPathComponent(PageFileName.html(for: supplier.supplierId))
            )
        }
        // The index last, so its links point at pages that already exist.
        let glossary = Data(
            templates.render(GlossaryPage(run: RunView(report.run)), template: "glossary").utf8)
        try AtomicFile.write(glossary, to: directory.appendingPathComponent("glossary.html"))
        let index = Data(templates.render(IndexPage(report), template: "index").utf8)
        try AtomicFile.write(index, to: directory.appendingPathComponent("index.html"))
        return summary + RenderSummary(pagesWritten: 2, bytesWritten: index.count + glossary.count)
    }

    /// The report's folders, created when missing.
    private struct Folders {
        let suppliers: URL
        let materials: URL

        init(_ directory: URL) throws {
            suppliers = directory.appendingPathComponent("suppliers", isDirectory: true)
            materials = directory.appendingPathComponent("materials", isDirectory: true)
            for folder in [directory, suppliers, materials] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
        }
    }

    /// Renders and writes `count` pages on every core; the first error stops the rest and is thrown.
    private static func renderInParallel(
        count: Int, _ page: @Sendable (Int) throws -> (html: String, url: URL)
    ) throws -> RenderSummary {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, count))
        let outcome = ParallelOutcome()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local = RenderSummary()
            for index in stride(from: worker, to: count, by: workers) {
                guard !outcome.hasFailed else { return }
                do {
                    let (html, url) = try page(index)
                    let data = Data(html.utf8)
                    try AtomicFile.write(data, to: url)
                    local.pagesWritten += 1
                    local.bytesWritten += data.count
                } catch {
                    outcome.fail(error)
                    return
                }
            }
            outcome.add(local)
        }
        if let error = outcome.error { throw error }
        return outcome.summary
    }
}

/// What one `render` call wrote.
public struct RenderSummary: Sendable, Hashable {
    public var pagesWritten: Int
    public var bytesWritten: Int

    public init(pagesWritten: Int = 0, bytesWritten: Int = 0) {
        self.pagesWritten = pagesWritten
        self.bytesWritten = bytesWritten
    }

    /// Both parts' pages and bytes.
    public static func + (a: RenderSummary, b: RenderSummary) -> RenderSummary {
        RenderSummary(
            pagesWritten: a.pagesWritten + b.pagesWritten, bytesWritten: a.bytesWritten + b.bytesWritten)
    }
}

/// What the parallel supplier-page workers report back: their totals, or the first error.
private final class ParallelOutcome: @unchecked Sendable {
    // Guarded by `lock`: the only mutable state shared between workers.
    private let lock = NSLock()
    private var total = RenderSummary()
    private var firstError: (any Error)?

    var hasFailed: Bool { lock.withLock { firstError != nil } }
    var error: (any Error)? { lock.withLock { firstError } }
    var summary: RenderSummary { lock.withLock { total } }

    func add(_ part: RenderSummary) {
        lock.withLock { total = total + part }
    }

    func fail(_ error: any Error) {
        lock.withLock {
            if firstError == nil { firstError = error }
        }
    }
}
