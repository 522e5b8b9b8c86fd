import Domain
import Postgres

/// Specifications that break the model's assumptions, for the run's list of input anomalies.
///
/// The schema forbids both cases, but a feed may be loaded into a table whose constraints were dropped.
/// The intake already judges results against such a version `no_spec` or `inconclusive`, so conformance
/// rates never count them; this names the rows so a person can fix the master data.
public struct SpecificationCheck {
    private let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Versions in force on or before `asOf` with no limit at all, limits (or target) outside the range
    /// judged, or a lower limit not below the upper as float8 (distinct as numeric, equal as read).
    public func anomalies(asOf: Day) throws -> [InputAnomaly] {
        var anomalies: [InputAnomaly] = []
        let (lower, upper, target) = (
            SafeSQL.float8("lower_limit"), SafeSQL.float8("upper_limit"), SafeSQL.float8("target")
        )
        try connection.stream(
            """
            SELECT material_id, characteristic, \(SafeSQL.day("valid_from")) AS valid_from,
                   \(InputRule.firstBroken(Self.rules))
            FROM (SELECT material_id, characteristic, valid_from, \(lower) AS lower_limit,
                         \(upper) AS upper_limit, \(target) AS target
                  FROM procurement.specifications WHERE valid_from <= $1::date) s
            WHERE \(InputRule.anyBroken(Self.rules))
            ORDER BY material_id, characteristic, valid_from
            """, [asOf]
        ) { row in
            let key =
                "\(try row.decode(String.self, column: "material_id")) "
                + "\(try row.decode(String.self, column: "characteristic")) "
                + "from \(try row.decode(Day.self, column: "valid_from"))"
            anomalies.append(
                InputRule.anomaly(
                    Self.rules, index: try row.decode(Int.self, column: "broken_rule"),
                    value: try row.decodeIfPresent(String.self, column: "broken_value"),
                    table: "procurement.specifications",
                    key: key, action: .leftOut))
        }
        return anomalies
    }

    /// The intake judges results against such a version `no_spec` or `inconclusive`, so conformance rates
    /// never count them: "left out" of conformance.
    static let rules = [
        InputRule(
            field: "lower_limit", broken: "lower_limit IS NULL AND upper_limit IS NULL",
            problem: "and no upper limit: a specification with no limits; its results are judged no_spec",
            value: "'NULL'"),
        InputRule.magnitude("lower_limit", signed: true), InputRule.magnitude("upper_limit", signed: true),
        InputRule.magnitude("target", signed: true),
        InputRule(
            field: "lower_limit", broken: "lower_limit > upper_limit",
            problem: "is above the upper limit; its results are judged inconclusive",
            value: "lower_limit::text || ' against ' || upper_limit"),
        // Distinct as numeric (the schema's check holds), one value as a float8: a zero-width tolerance.
        InputRule(
            field: "lower_limit", broken: "lower_limit = upper_limit",
            problem: "equals the upper limit as a float8; judged as a zero-width tolerance",
            value: "lower_limit::text || ' against ' || upper_limit", action: .used),
    ]
}
