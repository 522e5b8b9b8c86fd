extension ResultWriter {
    /// The run's input anomalies, in the order named (`scorecard.input_anomalies`).
    public func write(anomalies: [InputAnomaly]) throws {
        guard !anomalies.isEmpty else { return }
        _ = try connection.copyIn(
            table: "scorecard_store.input_anomalies",
            columns: AnomalyColumn.self
        ) { writer in
            for (index, anomaly) in anomalies.enumerated() {
                try writer.appendRow { row in
                    try row.append(runId, AnomalyColumn.runId)
                    try row.append(index + 1, AnomalyColumn.position)
                    try row.append(anomaly.table, AnomalyColumn.sourceTable)
                    try row.append(anomaly.key, AnomalyColumn.rowKey)
                    try row.append(anomaly.field, AnomalyColumn.field)
                    try row.append(anomaly.problem, AnomalyColumn.problem)
                    try row.append(anomaly.action.rawValue, AnomalyColumn.action)
                }
            }
        }
    }
}
