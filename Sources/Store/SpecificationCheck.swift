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

    /// Versions in force on or before `asOf` with no limit at all, or a lower limit not below the upper.
    public func anomalies(asOf: Day) throws -> [InputAnomaly] {
        var anomalies: [InputAnomaly] = []
        try connection.stream(
            """
            SELECT material_id, characteristic, valid_from,
                   lower_limit IS NULL AND upper_limit IS NULL
            FROM procurement.specifications
            WHERE valid_from <= $1::date
              AND ((lower_limit IS NULL AND upper_limit IS NULL) OR lower_limit >= upper_limit)
            ORDER BY material_id, characteristic, valid_from
            """, [asOf]
        ) { row in
            let key =
                "\(try row.decode(String.self, at: 0)) \(try row.decode(String.self, at: 1)) "
                + "from \(try row.decode(Day.self, at: 2))"
            let problem =
                try row.decode(Bool.self, at: 3)
                ? "specification with no limits; its results are judged no_spec, left out of conformance"
                : "specification whose lower limit is not below its upper; its results are judged "
                    + "inconclusive, left out of conformance"
            anomalies.append(
                InputAnomaly(table: "procurement.specifications", key: key, problem: problem))
        }
        return anomalies
    }
}
