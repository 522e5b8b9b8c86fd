import Postgres

/// The job's locks: row locks on `scorecard_store.job_locks`, one row per lock name, held by a connection
/// of their own in a transaction that stays open for the life of the run.
///
/// Row locks rather than advisory locks: the advisory-lock functions are executable by every role, so a
/// buyer could take the job's key and stop the night. Locking a row needs the UPDATE privilege on its
/// table, and the read-only role cannot even see schema `scorecard_store`. The lock ends with the
/// transaction, so a process that dies (its connection closes) releases it.
public final class JobLocks {
    public enum Mode: Sendable {
        /// `FOR UPDATE`: no other holder at all.
        case exclusive
        /// `FOR SHARE`: beside other shared holders, never beside an exclusive one.
        case shared
    }

    /// A nightly run and a reprocess take it exclusively, each shard intake shared.
    public static let run = "run"

    /// The lock of shard `index` of the intake, whatever the number of shards.
    public static func shard(_ index: Int) -> String { "shard \(index)" }

    private let connection: PostgresConnection

    /// `connection` serves the locks only (its transaction stays open while they are held); it is closed
    /// with this object.
    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    deinit {
        release()
    }

    /// Takes every lock of `locks`, in order, without waiting. Returns the first one another session
    /// holds in a conflicting mode (then none is held), or nil when all are held. Call once.
    public func acquire(_ locks: [(name: String, mode: Mode)]) throws -> String? {
        // Named, so that a DBA sees what the connection idle in its transaction is.
        try connection.execute("SET application_name = 'scorecard: job locks'")
        // The transaction is the lock: the server's idle timeout must not end it.
        try connection.execute("SET idle_in_transaction_session_timeout = 0")
        // Each row committed before it is locked, so that taking a lock never waits on an insert.
        for lock in locks { try Self.ensureRow(lock.name, on: connection) }
        try connection.execute("BEGIN")
        for lock in locks {
            let locking = lock.mode == .exclusive ? "FOR UPDATE" : "FOR SHARE"
            do {
                _ = try connection.query(
                    "SELECT name FROM scorecard_store.job_locks WHERE name = $1 \(locking) NOWAIT",
                    [lock.name])
            } catch SQLState.lockNotAvailable {
                try connection.execute("ROLLBACK")
                return lock.name
            } catch {
                _ = try? connection.execute("ROLLBACK")
                throw error
            }
        }
        return nil
    }

    /// Creates the row of lock `name` when missing (outside a transaction, so it commits at once).
    static func ensureRow(_ name: String, on connection: PostgresConnection) throws {
        try connection.execute(
            "INSERT INTO scorecard_store.job_locks (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", [name])
    }

    /// Takes lock `name` exclusively in the transaction open on `connection`, waiting for other holders;
    /// held until that transaction ends (the migrator's: concurrent `migrate` calls take turns). Its row
    /// must exist (``ensureRow(_:on:)``).
    static func lockForTransaction(_ name: String, on connection: PostgresConnection) throws {
        _ = try connection.query(
            "SELECT name FROM scorecard_store.job_locks WHERE name = $1 FOR UPDATE", [name])
    }

    /// Throws when the locks are no longer held (their connection was lost or ended by an administrator):
    /// checked before a run commits, so that a run never commits unprotected.
    public func requireHeld() throws {
        guard connection.inTransactionBlock else {
            throw PostgresError(code: .connectionDoesNotExist, message: "the job's locks are not held")
        }
        try connection.execute("SELECT 1")
    }

    /// Releases every lock: ends their transaction, then closes the connection.
    public func close() {
        release()
    }

    /// The rollback releases the row locks before this returns. Closing alone would not: the server's
    /// backend ends its transaction only after the connection is gone, and a run started right after this
    /// one could find the lock still held for that moment and exit 75.
    private func release() {
        if connection.inTransactionBlock { _ = try? connection.execute("ROLLBACK") }
        connection.close()
    }
}
