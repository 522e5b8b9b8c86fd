import Postgres

/// The settings of the job's own transactions, in one place with the job's other SQL.
public enum SessionSettings {
    /// PostgreSQL `work_mem` for the job's big transactions (scoring, reading the report back): the
    /// server's default 4 MB per sort or hash spilled them to disk at a thousand suppliers.
    public static let workMemory = "64MB"

    /// Settings for the job's big transactions, until the end of the current transaction only:
    /// - `work_mem` raised to ``workMemory``;
    /// - JIT compilation off. The scoring batches' queries cost enough for the server to compile them, anew
    ///   for every batch (about 180 ms each, 0.9 s of a large world's nightly run, measured with
    ///   auto_explain), more than the compiled code saved.
    public static func tuneBigTransaction(_ connection: PostgresConnection) throws {
        try connection.execute("SET LOCAL work_mem = '\(workMemory)'")
        try connection.execute("SET LOCAL jit = off")
    }

    /// One snapshot for every query of the current transaction, which writes nothing: readers of a run
    /// see it whole even while a shard intake commits.
    public static func readOnlySnapshot(_ connection: PostgresConnection) throws {
        try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    }

    /// Whether the ERP tables already hold suppliers (the demo loads only into an empty database).
    public static func procurementHasSuppliers(_ connection: PostgresConnection) throws -> Bool {
        let result = try connection.query("SELECT EXISTS (SELECT 1 FROM procurement.suppliers)")
        return try result.first(where: { _ in true })?.decode(Bool.self, at: 0) == true
    }
}

extension Migrator {
    /// The versions recorded in `scorecard_store.schema_migrations`; throws 42P01 before the first migration.
    public static func appliedVersions(_ connection: PostgresConnection) throws -> Set<Int> {
        Set(
            try connection.query("SELECT version FROM scorecard_store.schema_migrations").map {
                try $0.decode(Int.self, at: 0)
            })
    }
}
