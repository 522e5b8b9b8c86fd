import Foundation
import Logging
import Postgres
import Store

/// Connecting, and turning database failures into the job's exit codes and messages.
public enum Database {
    /// `conninfo`: a `key=value` string or `postgresql://` URL; empty means libpq's environment
    /// (PGHOST, PGDATABASE, PGUSER, PGPASSFILE, ...).
    public static func connect(_ conninfo: String, logger: Logger) throws -> PostgresConnection {
        do {
            return try PostgresConnection(conninfo, logger: logger)
        } catch let error as PostgresError {
            throw JobError(.databaseUnavailable, "cannot connect to PostgreSQL: \(error.message)")
        }
    }

    /// Refuses to run against a schema that is behind the shipped migrations.
    static func requireCurrentSchema(_ connection: PostgresConnection, migrations directory: URL) throws {
        let migrations = try Migrator.load(from: directory)
        let applied: Set<Int>
        do {
            applied = try Migrator.appliedVersions(connection)
        } catch SQLState.undefinedTable {
            throw JobError(.usage, "the database has no scorecard schema yet: run `scorecard migrate` first")
        }
        let pending = migrations.filter { !applied.contains($0.version) }
        guard pending.isEmpty else {
            throw JobError(
                .usage,
                "the database schema is behind (\(pending.map(\.name).joined(separator: ", ")) not applied): "
                    + "run `scorecard migrate` first")
        }
    }

    /// Records run `runId` (a nightly run, or a shard intake: `name`) as failed inside its transaction and
    /// turns the error into the job's exit code: 69 when the database was lost (the row cannot be updated
    /// then; the next run marks it failed), a ``JobError``'s own code (64 for configuration), else 1.
    static func failure(
        of name: String, _ runId: Int64, _ error: any Error, ledger: RunLedger, logger: Logger
    ) -> JobError {
        let message = describe(error)
        logger.error("\(name) failed", metadata: ["error": "\(message)"])
        try? ledger.fail(runId, error: message)
        if let postgres = error as? PostgresError, postgres.code.isConnectionError {
            return JobError(.databaseUnavailable, "\(name) \(runId) failed: lost the database: \(message)")
        }
        if let jobError = error as? JobError {
            return JobError(jobError.exitCode, "\(name) \(runId) failed: \(jobError.message)")
        }
        return JobError(.failure, "\(name) \(runId) failed: \(message)")
    }

    /// A one-line description without parameter values.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PostgresError { return error.description }
        return "\(error)"
    }

    /// Applies pending migrations.
    public static func migrate(_ conninfo: String, paths: ResourcePaths, logger: Logger) throws -> [String] {
        let connection = try connect(conninfo, logger: logger)
        defer { connection.close() }
        do {
            let migrator = Migrator(
                migrations: try Migrator.load(from: paths.sqlDirectory),
                repeatable: try Migrator.loadRepeatable(from: paths.sqlDirectory), logger: logger)
            return try migrator.migrate(connection).map(\.name)
        } catch let error as MigrationError {
            throw JobError(.failure, error.description)
        }
    }
}
