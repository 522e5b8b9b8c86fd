import Domain
import Foundation
import Postgres

/// The `scorecard_store.runs` table: one row per nightly run or shard intake, from `running` to
/// `succeeded` or `failed`.
public struct RunLedger {
    static let abandoned =
        "abandoned: the process ended before the run finished (killed, crashed or lost its connection)"

    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Marks runs left `running` by a process that died as failed, shard intakes included. Call only while
    /// holding ``JobLocks/run`` exclusively: every live run or intake holds or shares it from before it
    /// records its row until its process ends, so then none can be alive.
    @discardableResult
    public func failAbandonedRuns() throws -> Int {
        try connection.execute(
            """
            UPDATE scorecard_store.runs SET status = 'failed', finished_at = clock_timestamp(), error = $1
            WHERE status = 'running'
            """, [Self.abandoned])
    }

    /// Marks intakes of shard `index` (whatever their shard count) left `running` as failed. Call only
    /// while holding ``JobLocks/shard(_:)`` of that index: then no intake of that shard can be alive.
    @discardableResult
    public func failAbandonedIntakes(shard index: Int) throws -> Int {
        try connection.execute(
            """
            UPDATE scorecard_store.runs SET status = 'failed', finished_at = clock_timestamp(), error = $1
            WHERE status = 'running' AND kind = 'intake' AND split_part(shard, '/', 1) = $2
            """, [Self.abandoned, String(index)])
    }

    /// Records a new run as `running` and commits it at once, so a crash leaves a trace: a nightly run, or
    /// with `shard` ("K/N") a shard intake.
    public func start(asOf: Day, shard: String? = nil) throws -> Int64 {
        let host = ProcessInfo.processInfo.hostName
        let pid = Int(ProcessInfo.processInfo.processIdentifier)
        let result = try connection.query(
            """
            INSERT INTO scorecard_store.runs (as_of, status, host, pid, kind, shard)
            VALUES ($1, 'running', $2, $3, $4, $5) RETURNING run_id
            """, [asOf, host, pid, shard == nil ? "nightly" : "intake", shard])
        guard let row = result.first(where: { _ in true }) else { throw StoreError.missing("new run id") }
        return try row.decode(Int64.self, at: 0)
    }

    /// Marks the run succeeded with its counts; call inside the results transaction.
    public func succeed(_ runId: Int64, counts: RunCounts) throws {
        try connection.execute(
            """
            UPDATE scorecard_store.runs SET status = 'succeeded', finished_at = clock_timestamp(),
                suppliers_scored = $2, documents_accepted = $3, documents_rejected = $4,
                documents_duplicate = $5, flags_raised = $6, input_anomalies = $7
            WHERE run_id = $1
            """,
            [
                runId, counts.suppliersScored, counts.documentsAccepted, counts.documentsRejected,
                counts.documentsDuplicate, counts.flagsRaised, counts.inputAnomalies,
            ])
    }

    public func fail(_ runId: Int64, error: String) throws {
        try connection.execute(
            "UPDATE scorecard_store.runs SET status = 'failed', finished_at = clock_timestamp(), error = $2 WHERE run_id = $1",
            [runId, error])
    }

    public func recordRenderError(_ runId: Int64, error: String?) throws {
        try connection.execute(
            "UPDATE scorecard_store.runs SET render_error = $2 WHERE run_id = $1", [runId, error])
    }

    /// The succeeded shard intakes since the latest succeeded nightly run before `runId` (all of them
    /// before the first): the intakes whose documents nightly run `runId` is the first to score. No
    /// intake overlaps a nightly run (the run lock), so run ids order them in time.
    public func intakesSinceLastNightly(before runId: Int64) throws -> [Int64] {
        let previous = try latestSucceeded(before: runId)?.runId ?? 0
        return try connection.query(
            """
            SELECT run_id FROM scorecard_store.runs
            WHERE kind = 'intake' AND status = 'succeeded' AND run_id > $1 AND run_id < $2
            ORDER BY run_id
            """, [previous, runId]
        ).map { try $0.decode(Int64.self, at: 0) }
    }

    /// The latest succeeded nightly run, optionally the one before a given run (never a shard intake).
    public func latestSucceeded(before runId: Int64? = nil) throws -> StoredRun? {
        let result = try connection.query(
            """
            SELECT run_id, as_of, started_at, finished_at, suppliers_scored, documents_accepted,
                   documents_rejected, documents_duplicate, flags_raised, input_anomalies
            FROM scorecard_store.runs
            WHERE status = 'succeeded' AND kind = 'nightly' AND ($1::bigint IS NULL OR run_id < $1)
            ORDER BY run_id DESC LIMIT 1
            """, [runId])
        guard let row = result.first(where: { _ in true }) else { return nil }
        return StoredRun(
            runId: try row.decode(Int64.self, column: "run_id"),
            asOf: try row.decode(Day.self, column: "as_of"),
            startedAt: try row.decode(Date.self, column: "started_at"),
            finishedAt: try row.decodeIfPresent(Date.self, column: "finished_at"),
            counts: RunCounts(
                suppliersScored: try row.decodeIfPresent(Int.self, column: "suppliers_scored") ?? 0,
                documentsAccepted: try row.decodeIfPresent(Int.self, column: "documents_accepted") ?? 0,
                documentsRejected: try row.decodeIfPresent(Int.self, column: "documents_rejected") ?? 0,
                documentsDuplicate: try row.decodeIfPresent(Int.self, column: "documents_duplicate") ?? 0,
                flagsRaised: try row.decodeIfPresent(Int.self, column: "flags_raised") ?? 0,
                inputAnomalies: try row.decodeIfPresent(Int.self, column: "input_anomalies") ?? 0))
    }
}

public struct RunCounts: Sendable, Hashable {
    public var suppliersScored = 0
    public var documentsAccepted = 0
    public var documentsRejected = 0
    public var documentsDuplicate = 0
    public var flagsRaised = 0
    public var inputAnomalies = 0

    public init(
        suppliersScored: Int = 0, documentsAccepted: Int = 0, documentsRejected: Int = 0,
        documentsDuplicate: Int = 0, flagsRaised: Int = 0, inputAnomalies: Int = 0
    ) {
        self.suppliersScored = suppliersScored
        self.documentsAccepted = documentsAccepted
        self.documentsRejected = documentsRejected
        self.documentsDuplicate = documentsDuplicate
        self.flagsRaised = flagsRaised
        self.inputAnomalies = inputAnomalies
    }
}

public struct StoredRun: Sendable, Hashable {
    public var runId: Int64
    public var asOf: Day
    public var startedAt: Date
    public var finishedAt: Date?
    public var counts: RunCounts
}
