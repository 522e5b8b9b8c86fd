import Postgres

/// Planner statistics for tables the job itself just filled.
///
/// A first night ingests the whole CoA backlog in the run's transaction; autovacuum cannot see those rows
/// before the commit, so the scoring queries that read them would be planned for empty tables (nested
/// loops over 100,000 documents). `ANALYZE` inside the transaction counts the transaction's own rows.
public enum TableStatistics {
    /// The tables the intake writes.
    public static let intakeTables = ["scorecard_store.coa_documents", "scorecard_store.coa_measurements"]

    /// Runs `ANALYZE` on `tables` (schema-qualified names the code chooses, never input).
    public static func refresh(_ connection: PostgresConnection, tables: [String]) throws {
        guard !tables.isEmpty else { return }
        try connection.executeScript("ANALYZE " + tables.joined(separator: ", "))
    }
}
