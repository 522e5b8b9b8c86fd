extension ResultWriter {
    /// The run's input anomalies, in the order named (`scorecard.input_anomalies`).
    public func write(anomalies: [InputAnomaly]) throws {
        guard !anomalies.isEmpty else { return }
        _ = try connection.copyIn(
            table: "scorecard_store.input_anomalies",
            columns: ["run_id", "position", "source_table", "row_key", "field", "problem", "action"]
        ) { writer in
            for (index, anomaly) in anomalies.enumerated() {
                try writer.appendRow([
                    runId, index + 1, anomaly.table, anomaly.key, anomaly.field, anomaly.problem,
                    anomaly.action.rawValue,
                ])
            }
        }
    }
}
