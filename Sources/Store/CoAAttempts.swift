import Postgres

/// `scorecard_store.coa_attempts`: the CoA files being judged, written on a connection of its own in
/// autocommit, outside the run's transaction, so that what a run that died was judging survives it.
public struct CoAAttempts {
    /// A file that was being judged when a run died.
    public struct Pending: Sendable, Hashable {
        public var attempts: Int
        /// The runs that were judging it, oldest first.
        public var runIds: [Int64]
    }

    private let connection: PostgresConnection

    /// `connection` must not be in a transaction: each call commits at once.
    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The files of `paths` that a run was judging when it died.
    public func pending(paths: [String]) throws -> [String: Pending] {
        guard !paths.isEmpty else { return [:] }
        var pending: [String: Pending] = [:]
        for row in try connection.query(
            """
            SELECT path, attempts, array_to_string(run_ids, ',') AS run_ids FROM scorecard_store.coa_attempts
            WHERE path = ANY($1::text[])
            """,
            [PostgresArray(paths)])
        {
            pending[try row.decode(String.self, column: "path")] = Pending(
                attempts: try row.decode(Int.self, column: "attempts"),
                runIds: try row.decode(String.self, column: "run_ids").split(separator: ",").compactMap {
                    Int64($0)
                })
        }
        return pending
    }

    /// Records that run `runId` starts judging `paths` (one more attempt each).
    public func start(paths: [String], runId: Int64) throws {
        guard !paths.isEmpty else { return }
        try connection.execute(
            """
            INSERT INTO scorecard_store.coa_attempts (path, attempts, run_ids)
            SELECT path, 1, ARRAY[$2::bigint] FROM unnest($1::text[]) AS path
            ON CONFLICT (path) DO UPDATE SET attempts = coa_attempts.attempts + 1,
                run_ids = coa_attempts.run_ids || $2::bigint, last_attempt_at = clock_timestamp()
            """, [PostgresArray(paths), runId])
    }

    /// Records that `paths` were judged: no run died on them.
    public func finish(paths: [String]) throws {
        guard !paths.isEmpty else { return }
        try connection.execute(
            "DELETE FROM scorecard_store.coa_attempts WHERE path = ANY($1::text[])", [PostgresArray(paths)])
    }
}
