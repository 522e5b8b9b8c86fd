import Domain
import Postgres

/// The assumptions the run's scope (``RunScope``) makes of the ERP's rows, checked once per run on the
/// collected tables: a row that breaks one is deleted from its table (so no batch reads it) and named.
///
/// Checked here, where the rows are already collected, rather than over the whole history: a row outside
/// the look-back changes no figure.
struct ScopeChecks {
    let window: InputLoader.Window
    let maxReceivedFactor: Double

    /// `$1` earliest plausible day, `$2` latest, `$3` the received factor, as columns of `p`.
    private static let parameters =
        "(SELECT $1::date AS earliest, $2::date AS latest, $3::float8 AS factor) p"

    private struct Check {
        var source: String
        var key: String
        var rules: [InputRule]
        /// Set aside instead of deleting: the SQL `SET` clause that clears the field.
        var setAside: String? = nil
    }

    private func checks(for table: String) -> [Check] {
        switch table {
        case RunScope.linesTable:
            let dates = ["requested_date", "promised_date", "repromised_date"].map {
                InputRule.day($0, earliest: "p.earliest", latest: "p.latest")
            }
            return [
                Check(
                    source: "procurement.order_lines", key: "order_line_id",
                    rules: [
                        InputRule.magnitude("quantity"), InputRule.magnitude("unit_price", allowZero: true),
                        InputRule.day("ordered_at", "ordered_on", earliest: "p.earliest"),
                    ] + dates),
                Check(
                    source: "procurement.order_lines", key: "order_line_id",
                    rules: [
                        InputRule(
                            field: "confirmed_at", broken: "confirmation_hours < 0",
                            problem: "hours after the order: confirmed before it was ordered; "
                                + "the line is used without its confirmation",
                            value: "round(confirmation_hours::numeric, 1)")
                    ], setAside: "confirmation_hours = NULL"),
            ]
        case RunScope.receiptsTable:
            let factor = maxReceivedFactor
            return [
                Check(
                    source: "procurement.receipts", key: "receipt_id",
                    rules: [
                        InputRule.magnitude("quantity"),
                        InputRule.day("received_at", "received_on", earliest: "p.earliest"),
                        InputRule(
                            field: "received_at", broken: "received_on < ordered_on",
                            problem: "is before its order line was ordered",
                            value: "received_on::text || ' (ordered ' || ordered_on || ')'"),
                        InputRule(
                            field: "quantity", broken: "quantity > p.factor * ordered_quantity",
                            problem: "is more than \(factor) times the quantity ordered "
                                + "(input.max_received_factor)",
                            value: "quantity::text || ' against ' || ordered_quantity || ' ordered'"),
                    ])
            ]
        case RunScope.inspectionsTable:
            return [
                Check(
                    source: "procurement.inspection_results",
                    key: "receipt_id || ' ' || characteristic || ' ' || measured_at",
                    rules: [
                        InputRule.magnitude("value", signed: true),
                        InputRule.day("measured_at", "measured_on", earliest: "p.earliest"),
                    ])
            ]
        default:
            return []
        }
    }

    /// Deletes (or sets aside the field of) the rows of `table` that break a rule; returns them named.
    func apply(to table: String, _ connection: PostgresConnection) throws -> [InputAnomaly] {
        let parameters: [(any PostgresEncodable)?] = [
            InputRange.earliestDay, InputRange.latestDay(asOf: window.asOf), maxReceivedFactor,
        ]
        var anomalies: [InputAnomaly] = []
        for check in checks(for: table) {
            let broken = InputRule.anyBroken(check.rules)
            let named = "\(check.key) AS row_key, \(InputRule.firstBroken(check.rules))"
            // A set-aside field is named before it is cleared (RETURNING would see it cleared).
            let statement =
                check.setAside == nil
                ? "DELETE FROM \(table) USING \(Self.parameters) WHERE \(broken) RETURNING \(named)"
                : "SELECT \(named) FROM \(table), \(Self.parameters) WHERE \(broken)"
            let action: InputAnomaly.Action = check.setAside == nil ? .leftOut : .used
            try connection.stream(statement, parameters) { row in
                anomalies.append(
                    InputRule.anomaly(
                        check.rules, index: try row.decode(Int.self, column: "broken_rule"),
                        value: try row.decodeIfPresent(String.self, column: "broken_value"),
                        table: check.source,
                        key: try row.decode(String.self, column: "row_key"), action: action))
            }
            if let setAside = check.setAside {
                try connection.execute(
                    "UPDATE \(table) SET \(setAside) FROM \(Self.parameters) WHERE \(broken)", parameters)
            }
        }
        return anomalies.sorted { ($0.key, $0.problem) < ($1.key, $1.problem) }
    }
}
