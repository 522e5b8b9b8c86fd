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
    /// Lots per control chart: the most recent ones.
    var chartLots = 60

    /// Renders `runId`; returns the number of pages written.
    func publish(runId: Int64, to directory: URL) throws -> Int {
        let started = Date()
        let report = try connection.inTransaction {
            // One snapshot for every query of the report: a shard intake committing meanwhile cannot make the
            // pages disagree with each other. Sorts and hashes over all suppliers fit in memory.
            try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            try Database.tuneBigTransaction(connection)
            return try ReportModelLoader(connection: connection, chartLots: chartLots).load(runId: runId)
        }
        let loaded = Date()
        let renderer = try ReportRenderer(templatesDirectory: paths.templatesDirectory)
        let summary = try renderer.render(report, to: directory)
        logger.info(
            "HTML rendered",
            metadata: [
                "pages": "\(summary.pagesWritten)", "reports": "\(directory.path)",
                "seconds": "\(String(format: "%.2f", Date().timeIntervalSince(started)))",
                // Reading the stored results back vs. templating and writing: where a slow night went.
                "load_seconds": "\(String(format: "%.2f", loaded.timeIntervalSince(started)))",
            ])
        return summary.pagesWritten
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
