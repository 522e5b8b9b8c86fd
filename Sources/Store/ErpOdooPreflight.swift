import Postgres

/// Before a run reads `procurement`: when it is mounted on Odoo, every column the mapping reads must still
/// be in the Odoo database (an upgrade may have renamed one). Reads the Odoo database's own catalogue,
/// so an unreachable Odoo server fails here with a connection error (exit 69), before anything is written.
public struct ErpOdooPreflight {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The first required column missing in the Odoo database, or nil (also when not connected).
    public func missingColumn() throws -> (table: String, column: String)? {
        guard try ErpOdooAdapter(connection).isConnected() else { return nil }
        let rows = try connection.query(
            """
            SELECT table_name, column_name FROM odoo_map.missing_columns
            ORDER BY table_name, column_name LIMIT 1
            """)
        guard let row = rows.first else { return nil }
        return (
            try row.decode(String.self, column: "table_name"),
            try row.decode(String.self, column: "column_name")
        )
    }

    /// The Odoo major version recorded when connected.
    public func version() throws -> Int? {
        guard try ErpOdooAdapter(connection).isConnected() else { return nil }
        return try connection.query("SELECT odoo_version FROM odoo_map.adapter").first?
            .decodeIfPresent(Int.self, at: 0)
    }
}
