import Domain
import Foundation
import Logging
import Postgres

/// Applies the versioned SQL files of the `SQL/` folder (`NNN_name.sql`) in order, each in its own
/// transaction, and records them in `scorecard_store.schema_migrations`. A second run applies nothing new; an
/// applied file that changed is refused. Repeatable files (`R_name.sql`: idempotent, such as role grants that
/// must cover every object) run after the versioned ones on every call, in one transaction.
public struct Migrator {
    public struct Migration: Sendable, Hashable {
        public var version: Int
        public var name: String
        public var sql: String
        public var checksum: String
    }

    /// Serialises concurrent `migrate` calls (two operators, or cron and a person): each migration's
    /// transaction takes this lock of ``JobLocks`` first and then sees what the other call applied.
    static let lockName = "migrate"

    public let migrations: [Migration]
    public let repeatable: [Migration]
    private let logger: Logger

    public init(migrations: [Migration], repeatable: [Migration] = [], logger: Logger) {
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.repeatable = repeatable.sorted { $0.name < $1.name }
        self.logger = logger
    }

    /// Reads `R_name.sql` files, applied after the versioned ones on every `migrate`.
    public static func loadRepeatable(from directory: URL) throws -> [Migration] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return try names.sorted().filter { $0.hasPrefix("R_") && $0.hasSuffix(".sql") }.map { name in
            try read(name, version: 0, in: directory)
        }
    }

    /// One SQL file with its checksum (SHA-256 of the bytes: any edit changes it).
    private static func read(_ name: String, version: Int, in directory: URL) throws -> Migration {
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path),
            let sql = String(data: data, encoding: .utf8)
        else { throw MigrationError.unreadable(path: url.path, reason: "not readable as UTF-8") }
        return Migration(version: version, name: name, sql: sql, checksum: SHA256.hex(of: Array(data)))
    }

    /// Reads `NNN_name.sql` files; the number is the version.
    public static func load(from directory: URL) throws -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw MigrationError.unreadable(path: directory.path, reason: "\(error.localizedDescription)")
        }
        var byVersion: [Int: Migration] = [:]
        for name in names.sorted() where name.hasSuffix(".sql") && !name.hasPrefix("R_") {
            guard let prefix = name.split(separator: "_").first, let version = Int(prefix) else {
                throw MigrationError.badFileName(name)
            }
            if let other = byVersion[version] {
                throw MigrationError.duplicateVersion(version, other.name, name)
            }
            byVersion[version] = try read(name, version: version, in: directory)
        }
        return byVersion.values.sorted { $0.version < $1.version }
    }

    /// Applies what is missing; returns the migrations applied by this call.
    @discardableResult
    public func migrate(_ connection: PostgresConnection) throws -> [Migration] {
        try connection.executeScript(
            """
            CREATE SCHEMA IF NOT EXISTS scorecard_store;
            CREATE TABLE IF NOT EXISTS scorecard_store.schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now());
            -- The job's locks (JobLocks): here, not in a migration, because migrating takes one.
            CREATE TABLE IF NOT EXISTS scorecard_store.job_locks (name text PRIMARY KEY);
            """)
        try JobLocks.ensureRow(Self.lockName, on: connection)

        let applied = try appliedMigrations(connection)
        for migration in migrations {
            if let done = applied[migration.version], done.checksum != migration.checksum {
                throw MigrationError.changedAfterApplied(migration.name, applied: done.name)
            }
        }
        var newlyApplied: [Migration] = []
        for migration in migrations where applied[migration.version] == nil {
            do {
                let done = try connection.inTransaction {
                    try JobLocks.lockForTransaction(Self.lockName, on: connection)
                    // Another `migrate` may have applied it while this one waited for the lock.
                    if try appliedMigrations(connection)[migration.version] != nil { return false }
                    logger.info("applying migration", metadata: ["migration": "\(migration.name)"])
                    try connection.executeScript(migration.sql)
                    try connection.execute(
                        "INSERT INTO scorecard_store.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                        [migration.version, migration.name, migration.checksum])
                    return true
                }
                if done { newlyApplied.append(migration) }
            } catch let error as PostgresError {
                throw MigrationError.failed(migration.name, error)
            }
        }
        for file in repeatable {
            do {
                try connection.inTransaction {
                    try JobLocks.lockForTransaction(Self.lockName, on: connection)
                    try connection.executeScript(file.sql)
                }
            } catch let error as PostgresError {
                throw MigrationError.failed(file.name, error)
            }
        }
        return newlyApplied
    }

    private func appliedMigrations(_ connection: PostgresConnection) throws
        -> [Int: (name: String, checksum: String)]
    {
        var applied: [Int: (name: String, checksum: String)] = [:]
        for row in try connection.query(
            "SELECT version, name, checksum FROM scorecard_store.schema_migrations")
        {
            applied[try row.decode(Int.self, column: "version")] = (
                try row.decode(String.self, column: "name"), try row.decode(String.self, column: "checksum")
            )
        }
        return applied
    }
}

public enum MigrationError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case badFileName(String)
    case duplicateVersion(Int, String, String)
    case changedAfterApplied(String, applied: String)
    case failed(String, PostgresError)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read migrations at \(path): \(reason)"
        case .badFileName(let name): "migration file \(name) must be named NNN_description.sql"
        case .duplicateVersion(let v, let a, let b): "migrations \(a) and \(b) share version \(v)"
        case .changedAfterApplied(let name, let appliedName):
            "migration \(name) was changed after it was applied (as \(appliedName)): "
                + "never edit an applied migration, add a new one"
        case .failed(let name, let error): "migration \(name) failed: \(error)"
        }
    }
}
