import Domain
import Foundation
import Logging
import Postgres
import Store

/// `scorecard intake --shard K/N`: ingests the CoAs of one shard's supplier folders, in one transaction,
/// recorded as a run of kind `intake`. It scores nothing; the next nightly run scores what it ingested and
/// raises the `coa_rejected` flags of its rejections.
///
/// Locks: the run lock in shared mode (shards run side by side; a nightly run or a reprocess, which take it
/// exclusively, cannot overlap any shard) and the shard's own lock exclusively (the same shard twice cannot).
public struct ShardIntake {
    public let configuration: Configuration
    public let paths: ResourcePaths
    public let logger: Logger

    public init(configuration: Configuration, paths: ResourcePaths, logger: Logger) {
        self.configuration = configuration
        self.paths = paths
        self.logger = logger
    }

    /// What one shard intake did.
    public struct Summary: Sendable {
        public var runId: Int64
        public var shard: IntakeShard
        public var asOf: Day
        public var accepted = 0
        public var rejected = 0
        public var duplicate = 0
        public var seconds = 0.0

        public var line: String {
            "intake run \(runId) (shard \(shard)) succeeded as of \(asOf): \(accepted) CoAs accepted, "
                + "\(rejected) rejected, \(duplicate) duplicates, " + String(format: "%.1f s", seconds)
        }
    }

    public func run(shard: IntakeShard, asOf: Day, database: String) throws -> Summary {
        let started = Date()
        let locks = try Database.takeLocks(
            [(JobLocks.run, .shared), (JobLocks.shard(shard.index), .exclusive)], database: database,
            logger: logger
        ) { name in
            name == JobLocks.run
                ? "a nightly scorecard run or a reprocess holds the run lock; shard \(shard) did nothing"
                : "another intake of shard \(shard.index) holds its lock; shard \(shard) did nothing"
        }
        defer { locks.close() }
        let connection = try Database.connect(database, logger: logger)
        defer { connection.close() }
        // Autocommit, outside the intake's transaction: what it is judging survives a crash.
        let attemptsConnection = try Database.connect(database, logger: logger)
        defer { attemptsConnection.close() }
        try Database.requireCurrentSchema(connection, migrations: paths.sqlDirectory)
        let ledger = RunLedger(connection)
        // Only this shard's own: other shards may be running now.
        let abandoned = try ledger.failAbandonedIntakes(shard: shard.index)
        if abandoned > 0 {
            logger.warning("marked \(abandoned) abandoned intake(s) of shard \(shard.index) failed")
        }
        let runId = try ledger.start(asOf: asOf, shard: shard.description)
        var logger = logger
        logger[metadataKey: "run.id"] = "\(runId)"
        logger[metadataKey: "shard"] = "\(shard)"
        logger.info("shard intake started", metadata: ["as_of": "\(asOf)"])

        var summary = Summary(runId: runId, shard: shard, asOf: asOf)
        do {
            try connection.inTransaction {
                let counts = try ingest(
                    connection, attempts: CoAAttempts(attemptsConnection), shard: shard, runId: runId,
                    asOf: asOf, logger: logger)
                if counts.accepted + counts.rejected >= NightlyRun.analyzeAfterDocuments {
                    try TableStatistics.refresh(connection, tables: TableStatistics.intakeTables)
                }
                summary.accepted = counts.accepted
                summary.rejected = counts.rejected
                summary.duplicate = counts.duplicate
                try ledger.succeed(
                    runId,
                    counts: RunCounts(
                        documentsAccepted: counts.accepted, documentsRejected: counts.rejected,
                        documentsDuplicate: counts.duplicate))
                try Database.requireHeld(locks)
            }
        } catch {
            throw Database.failure(of: "intake run", runId, error, ledger: ledger, logger: logger)
        }
        summary.seconds = Date().timeIntervalSince(started)
        logger.info("\(summary.line)")
        return summary
    }

    private func ingest(
        _ connection: PostgresConnection, attempts: CoAAttempts, shard: IntakeShard, runId: Int64, asOf: Day,
        logger: Logger
    ) throws -> CoAIntake.Counts {
        let inbox = URL(fileURLWithPath: configuration.inbox)
        guard FileManager.default.fileExists(atPath: inbox.path) else {
            logger.notice("no inbox folder at \(inbox.path): no CoAs ingested")
            return CoAIntake.Counts()
        }
        var intake = try CoAIntake.configured(
            configuration, paths: paths, connection: connection, logger: logger)
        intake.supplierFolders = { shard.owns($0) }
        intake.attempts = attempts
        return try intake.ingest(inbox: inbox, runId: runId, asOf: asOf)
    }
}
