import Logging
import Postgres
import Store

extension Database {
    /// Takes the job's `locks` on a connection of their own, held until the returned object is closed or
    /// the process ends. Exit 75 with `refused(name)` as the message when another process holds one.
    static func takeLocks(
        _ locks: [(name: String, mode: JobLocks.Mode)], database: String, logger: Logger,
        refused: (String) -> String
    ) throws -> JobLocks {
        let held = JobLocks(try connect(database, logger: logger))
        let taken: String?
        do {
            taken = try held.acquire(locks)
        } catch SQLState.undefinedTable {
            held.close()
            throw JobError(
                .usage,
                "the database has no scorecard schema, or one older than the job's locks: "
                    + "run `scorecard migrate` first")
        } catch let error as PostgresError {
            held.close()
            throw JobError(
                error.code.isConnectionError ? .databaseUnavailable : .failure,
                "cannot take the job's locks: \(error)")
        }
        if let name = taken {
            held.close()
            throw JobError(.lockHeld, refused(name))
        }
        return held
    }

    /// Throws (exit 69) when `locks` were lost, so that a run never commits without them.
    static func requireHeld(_ locks: JobLocks) throws {
        do {
            try locks.requireHeld()
        } catch let error as PostgresError {
            throw JobError(
                .databaseUnavailable, "lost the database (the connection holding the job's locks): \(error)")
        }
    }
}
