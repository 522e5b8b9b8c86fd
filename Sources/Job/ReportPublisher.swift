import Domain
import Foundation
import Logging
import Postgres
import ReportModel
import Reports
import Store

/// Renders the HTML scorecards from what a run committed: the HTML and the views read the same numbers.
public struct ReportPublisher {
    let connection: PostgresConnection
    let paths: ResourcePaths
    let logger: Logger

    static let unfinished =
        "the HTML was being written when the process ended; the previous pages stay visible: "
        + "run `scorecard render`"

    /// Renders `runId` into a new set of the reports folder and makes it the visible one
    /// (``ReportFolder``); returns the number of pages written. A failed render leaves the previous set.
    func publish(runId: Int64, to directory: URL) throws -> Int {
        // Recorded first, cleared by the caller once published: a render that is killed leaves it said.
        try? RunLedger(connection).recordRenderError(runId, error: Self.unfinished)
        let folder = ReportFolder(directory)
        let lock = try folder.lock()
        defer { lock.release() }
        let set = try folder.newSet(label: "run-\(runId)")
        do {
            let pages = try render(runId: runId, to: set, reports: directory)
            try folder.publish(set)
            return pages
        } catch {
            folder.discard(set)
            throw error
        }
    }

    /// Writes every page of `runId` into `directory`.
    ///
    /// The material pages are rendered on other threads while the suppliers' figures are still read
    /// (the database does most of that work): the two overlap instead of following each other.
    private func render(runId: Int64, to directory: URL, reports: URL) throws -> Int {
        let started = Date()
        let renderer = try ReportRenderer(templatesDirectory: paths.templatesDirectory)
        let materialPages = BackgroundWork<RenderSummary>()
        let report: ScorecardReport
        do {
            report = try connection.inTransaction {
                // One snapshot for every query of the report: a shard intake committing meanwhile cannot make the
                // pages disagree with each other. Sorts and hashes over all suppliers fit in memory.
                try SessionSettings.readOnlySnapshot(connection)
                try SessionSettings.tuneBigTransaction(connection)
                return try StoredReportReader(connection: connection).load(runId: runId) {
                    input in materialPages.start { try renderer.renderMaterialPages(input, to: directory) }
                }
            }
        } catch {
            // Never leave pages being written behind a failed read.
            _ = try? materialPages.join()
            throw error
        }
        let loaded = Date()
        let materials = try materialPages.join() ?? RenderSummary()
        TestHooks.holdIfAsked(rendering: directory, logger: logger)
        let pages = materials + (try renderer.renderSupplierPagesAndIndex(report, to: directory))
        logger.info(
            "HTML rendered",
            metadata: [
                "pages": "\(pages.pagesWritten)", "reports": "\(reports.path)",
                "set": "\(directory.lastPathComponent)",
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
