import Domain
import Foundation
import Logging
import Postgres
import Reports
import Store

/// Renders the HTML scorecards from what a run committed: the HTML and the views read the same numbers.
public struct ReportPublisher {
    let connection: PostgresConnection
    let paths: ResourcePaths
    let logger: Logger

    /// Renders `runId`; returns the number of pages written.
    ///
    /// The material pages are rendered on other threads while the suppliers' figures are still read
    /// (the database does most of that work): the two overlap instead of following each other.
    func publish(runId: Int64, to directory: URL) throws -> Int {
        let started = Date()
        let renderer = try ReportRenderer(templatesDirectory: paths.templatesDirectory)
        let materialPages = BackgroundWork<RenderSummary>()
        let report: ScorecardReport
        do {
            report = try connection.inTransaction {
                // One snapshot for every query of the report: a shard intake committing meanwhile cannot make the
                // pages disagree with each other. Sorts and hashes over all suppliers fit in memory.
                try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                try Database.tuneBigTransaction(connection)
                return try ReportModelLoader(connection: connection).load(runId: runId) {
                    input in materialPages.start { try renderer.renderMaterialPages(input, to: directory) }
                }
            }
        } catch {
            // Never leave pages being written behind a failed read.
            _ = try? materialPages.join()
            throw error
        }
        let loaded = Date()
        let pages =
            (try materialPages.join() ?? RenderSummary())
            + (try renderer.renderSupplierPagesAndIndex(report, to: directory))
        logger.info(
            "HTML rendered",
            metadata: [
                "pages": "\(pages.pagesWritten)", "reports": "\(directory.path)",
                "seconds": "\(String(format: "%.2f", Date().timeIntervalSince(started)))",
                // Reading the stored results back (with the material pages rendered meanwhile) vs. the
                // supplier pages: where a slow night went.
                "load_seconds": "\(String(format: "%.2f", loaded.timeIntervalSince(started)))",
            ])
        return pages.pagesWritten
    }

    /// `scorecard render`: the latest successful run again.
    public static func renderLatest(database: String, paths: ResourcePaths, reports: URL, logger: Logger)
        throws -> Int
    {
        let connection = try Database.connect(database, logger: logger)
        defer { connection.close() }
        guard let run = try RunLedger(connection).latestSucceeded() else {
            throw JobError(.failure, "no successful run to render yet")
        }
        do {
            let pages = try ReportPublisher(connection: connection, paths: paths, logger: logger)
                .publish(runId: run.runId, to: reports)
            try RunLedger(connection).recordRenderError(run.runId, error: nil)
            return pages
        } catch let error as JobError {
            throw error
        } catch {
            throw JobError(.renderFailed, "cannot write the HTML to \(reports.path): \(error)")
        }
    }
}
