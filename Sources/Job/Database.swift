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
            applied = Set(
                try connection.query("SELECT version FROM scorecard_store.schema_migrations").map {
                    try $0.decode(Int.self, at: 0)
                })
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
