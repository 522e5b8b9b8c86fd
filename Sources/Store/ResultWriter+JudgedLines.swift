import Domain
import Postgres
import Scoring

/// The order lines behind the delivery figures, one row per judged line and window, so that every OTD,
/// OTIF and days-late figure can be drilled into (view `scorecard.judged_order_lines`).
extension ResultWriter {
    /// Which window's figures a judged line counts in.
    public enum DeliveryWindow: String, Sendable {
        case current, baseline
    }

    /// One judged line of a supplier in a window; `large` is nil when the run found no large-order split.
    public struct JudgedLine: Sendable {
        public var supplierId: String
        public var window: DeliveryWindow
        public var outcome: LineOutcome
        public var large: Bool?

        public init(supplierId: String, window: DeliveryWindow, outcome: LineOutcome, large: Bool?) {
            self.supplierId = supplierId
            self.window = window
            self.outcome = outcome
            self.large = large
        }
    }

    /// The judged lines of both windows of one supplier's result; large means above the current window's
    /// large-order threshold, the split the priority-position risk compares.
    public static func judgedLines(of result: SupplierResult, supplierId: String) -> [JudgedLine] {
        let threshold = result.risk.largeOrderThreshold
        func lines(_ figures: DeliveryFigures, _ window: DeliveryWindow) -> [JudgedLine] {
            figures.outcomes.map { outcome in
                JudgedLine(
                    supplierId: supplierId, window: window, outcome: outcome,
                    large: threshold.map { outcome.quantity > $0 })
            }
        }
        return lines(result.delivery, .current) + lines(result.baselineDelivery, .baseline)
    }

    /// Nightly runs whose judged lines are kept, this one included: a week of nights to drill into, not
    /// an archive (a thousand suppliers judge about 250,000 lines a night).
    public static let judgedLinesKeptRuns = 7

    /// Deletes the judged lines of nightly runs older than the latest ``judgedLinesKeptRuns`` − 1 before
    /// this one; call once per run, inside its transaction (a row delete: a buyer's reading never blocks it).
    public func pruneJudgedLines() throws {
        try connection.execute(
            """
            DELETE FROM scorecard_store.judged_order_lines
            WHERE run_id < (SELECT coalesce(min(run_id), 0) FROM (
                SELECT run_id FROM scorecard_store.runs
                WHERE kind = 'nightly' AND status = 'succeeded' AND run_id < $1
                ORDER BY run_id DESC LIMIT $2) kept)
            """, [runId, Self.judgedLinesKeptRuns - 1])
    }

    public func write(judgedLines: [JudgedLine]) throws {
        _ = try connection.copyIn(
            table: "scorecard_store.judged_order_lines",
            columns: JudgedLineColumn.self
        ) { writer in
            for line in judgedLines {
                let o = line.outcome
                try writer.appendRow { row in
                    try row.append(runId, JudgedLineColumn.runId)
                    try row.append(line.supplierId, JudgedLineColumn.supplierId)
                    try row.append(line.window.rawValue, JudgedLineColumn.window)
                    try row.append(o.orderLineId, JudgedLineColumn.orderLineId)
                    try row.append(o.materialId, JudgedLineColumn.materialId)
                    try row.append(o.quantity, JudgedLineColumn.quantity)
                    try row.append(o.unit, JudgedLineColumn.unit)
                    try row.append(o.due, JudgedLineColumn.due)
                    try row.append(o.firstReceipt, JudgedLineColumn.firstReceipt)
                    try row.append(o.daysLate, JudgedLineColumn.daysLate)
                    try row.append(o.onTime, JudgedLineColumn.onTime)
                    try row.append(o.inFull, JudgedLineColumn.inFull)
                    try row.append(line.large, JudgedLineColumn.large)
                    try row.append(o.leadTimeDays, JudgedLineColumn.leadTimeDays)
                    try row.append(o.quotedLeadTimeDays, JudgedLineColumn.quotedLeadTimeDays)
                }
            }
        }
    }
}
