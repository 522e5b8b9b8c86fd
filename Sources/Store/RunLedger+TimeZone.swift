extension RunLedger {
    /// Records the zone `runId` cuts timestamps into days in, so whoever reads the run cuts them the same.
    public func recordTimeZone(_ runId: Int64, _ zone: String) throws {
        try connection.execute(
            "UPDATE scorecard_store.runs SET time_zone = $2 WHERE run_id = $1", [runId, zone])
    }
}
