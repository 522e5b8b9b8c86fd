import Domain
import Scoring

extension RunLedger {
    /// Records the days the run's windows cover, so the pages state them from the run, not from settings.
    public func recordWindows(_ runId: Int64, current: DayWindow, baseline: DayWindow) throws {
        try connection.execute(
            """
            UPDATE scorecard_store.runs SET current_first = $2, current_last = $3, baseline_first = $4,
                baseline_last = $5
            WHERE run_id = $1
            """, [runId, current.first, current.last, baseline.first, baseline.last])
    }
}
