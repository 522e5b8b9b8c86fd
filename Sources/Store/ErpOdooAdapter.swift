import Foundation
import Postgres

/// Mounts an Odoo database through `postgres_fdw` and turns the ERP-fed tables of schema `procurement`
/// into views over it (`scorecard erp connect odoo`), and back (`scorecard erp disconnect`).
///
/// Schemas: `odoo` holds the foreign tables, `odoo_map` the mapping's helper views and the version shims,
/// `erp_odoo` the adapter's settings (kept across reconnects), `procurement_plain` the plain tables while
/// the views stand in for them (with their rows, indexes and keys, moved back by disconnecting).
/// Everything happens in the caller's transaction.
public struct ErpOdooAdapter {
    public static let serverName = "scorecard_odoo"

    /// The tables an ERP fills; the others of `procurement` (specifications, our lab's results) stay.
    public static let erpTables = [
        "suppliers", "materials", "approved_sources", "order_lines", "receipts", "defects", "communications",
        "quotations",
    ]

    public struct Server: Sendable, Equatable {
        public var host: String
        public var port: String?
        public var dbname: String

        /// Reads `host=… port=… dbname=…`; any other key (a password above all) is refused.
        public init(conninfo: String) throws {
            var values: [String: String] = [:]
            for part in conninfo.split(whereSeparator: \.isWhitespace) {
                let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2, !pair[1].isEmpty else {
                    throw ErpOdooError.badServer("'\(part)' is not key=value")
                }
                guard ["host", "port", "dbname"].contains(pair[0]) else {
                    throw ErpOdooError.badServer(
                        "key \(pair[0]) is not accepted (only host, port and dbname; the password comes from a passfile)"
                    )
                }
                values[pair[0]] = pair[1]
            }
            guard let host = values["host"], let dbname = values["dbname"] else {
                throw ErpOdooError.badServer("host and dbname are required")
            }
            self.host = host
            self.port = values["port"]
            self.dbname = dbname
        }
    }

    public struct Connected: Sendable, Equatable {
        public var version: Int
        public var baseVersion: String
        /// The column read for each renamed one, `table.column`.
        public var shims: [String]
    }

    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// True when the procurement tables are views over an Odoo database.
    public func isConnected() throws -> Bool {
        try connection.query("SELECT 1 FROM pg_namespace WHERE nspname = 'procurement_plain'").first != nil
    }

    /// Creates the foreign server and the user mapping of the current role, imports the tables, checks the
    /// modules, version and columns, and puts the views in place. `mappingSQL` is SQL/erp/odoo's
    /// procurement_views.sql. Throws ``ErpOdooError`` for an Odoo database it cannot read.
    public func connect(server: Server, user: String, password: String?, mappingSQL: String) throws
        -> Connected
    {
        try connection.executeScript(
            """
            CREATE EXTENSION IF NOT EXISTS postgres_fdw;
            CREATE SCHEMA IF NOT EXISTS erp_odoo;
            CREATE TABLE IF NOT EXISTS erp_odoo.settings (
                one boolean PRIMARY KEY DEFAULT true CHECK (one),
                time_zone text NOT NULL DEFAULT 'UTC',
                default_criticality text NOT NULL DEFAULT 'minor'
                    CHECK (default_criticality IN ('critical', 'major', 'minor')),
                defects_from_returns boolean NOT NULL DEFAULT true,
                defects_from_scrap boolean NOT NULL DEFAULT true,
                odoo_version integer, server text, connected_at timestamptz);
            INSERT INTO erp_odoo.settings DEFAULT VALUES ON CONFLICT DO NOTHING;
            CREATE TABLE IF NOT EXISTS erp_odoo.material_criticality (
                category text PRIMARY KEY,
                criticality text NOT NULL CHECK (criticality IN ('critical', 'major', 'minor')));
            CREATE TABLE IF NOT EXISTS erp_odoo.required_columns (
                table_name text NOT NULL, column_name text NOT NULL, PRIMARY KEY (table_name, column_name));
            CREATE TABLE IF NOT EXISTS erp_odoo.dropped_constraints (
                table_name text NOT NULL, name text NOT NULL, definition text NOT NULL,
                PRIMARY KEY (table_name, name));
            """)
        let reconnecting = try isConnected()
        try dropMount()
        var options = "host \(literal(server.host)), dbname \(literal(server.dbname))"
        if let port = server.port { options += ", port \(literal(port))" }
        try connection.executeScript(
            """
            CREATE SERVER \(Self.serverName) FOREIGN DATA WRAPPER postgres_fdw OPTIONS (\(options),
                fetch_size '10000', application_name 'scorecard: odoo adapter');
            """)
        try createUserMapping(user: user, password: password)
        let list = OdooSchema.tables.joined(separator: ", ")
        try connection.executeScript(
            """
            CREATE SCHEMA odoo;
            IMPORT FOREIGN SCHEMA public LIMIT TO (\(list)) FROM SERVER \(Self.serverName) INTO odoo;
            -- The Odoo database's own catalogue: the run checks the columns are still there (ErpOdooPreflight).
            CREATE FOREIGN TABLE odoo.remote_columns (table_schema text, table_name text, column_name text)
                SERVER \(Self.serverName) OPTIONS (schema_name 'information_schema', table_name 'columns');
            """)
        let present = try importedColumns()
        for table in OdooSchema.tables where present[table] == nil {
            throw ErpOdooError.missingTable(table)
        }
        let (version, baseVersion) = try detectVersion()
        var required: [(String, String)] = []
        for (table, columns) in OdooSchema.columns {
            for column in columns {
                guard present[table, default: []].contains(column) else {
                    throw ErpOdooError.missingColumn(table: table, column: column, version: version)
                }
                required.append((table, column))
            }
        }
        var shims: [String] = []
        try connection.executeScript("CREATE SCHEMA odoo_map;")
        for choice in OdooSchema.choices(version: version) {
            let columns = present[choice.table, default: []]
            guard let sql = choice.shimSQL(present: columns),
                let column = choice.candidates.first(where: columns.contains)
            else {
                throw ErpOdooError.missingColumn(
                    table: choice.table, column: choice.candidates[0], version: version)
            }
            try connection.executeScript(sql)
            shims.append("\(choice.table).\(column)")
            required.append((choice.table, column))
        }
        if !reconnecting { try setAsidePlainTables() }
        try connection.executeScript(mappingSQL)
        try connection.execute("DELETE FROM erp_odoo.required_columns")
        for (table, column) in required {
            try connection.execute(
                "INSERT INTO erp_odoo.required_columns VALUES ($1, $2)", [table, column])
        }
        try connection.execute(
            "UPDATE erp_odoo.settings SET odoo_version = $1, server = $2, connected_at = now()",
            [version, "host=\(server.host) port=\(server.port ?? "5432") dbname=\(server.dbname)"])
        try connection.executeScript(
            """
            DO $$ BEGIN
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'scorecard_job') THEN
                    GRANT SELECT ON ALL TABLES IN SCHEMA procurement TO scorecard_job;
                    -- The views' helper functions read the settings as the role that calls them.
                    GRANT USAGE ON SCHEMA odoo_map, erp_odoo TO scorecard_job;
                    GRANT SELECT ON erp_odoo.settings, odoo_map.missing_columns, odoo_map.adapter
                        TO scorecard_job;
                END IF;
            END $$;
            """)
        return Connected(version: version, baseVersion: baseVersion, shims: shims)
    }

    /// Drops the views, the foreign tables and the server, and moves the plain tables back (their
    /// foreign keys from the kept tables are added again, NOT VALID: rows added meanwhile stay).
    public func disconnect() throws {
        guard try isConnected() else { throw ErpOdooError.notConnected }
        try dropMount()
        for table in Self.erpTables {
            try connection.executeScript("ALTER TABLE procurement_plain.\(table) SET SCHEMA procurement;")
        }
        try connection.executeScript("DROP SCHEMA procurement_plain;")
        for row in try connection.query(
            "SELECT table_name, name, definition FROM erp_odoo.dropped_constraints")
        {
            let table = try row.decode(String.self, column: "table_name")
            let name = try row.decode(String.self, column: "name")
            let definition = try row.decode(String.self, column: "definition")
            try connection.executeScript(
                "ALTER TABLE procurement.\(identifier(table)) ADD CONSTRAINT \(identifier(name)) \(definition) NOT VALID;"
            )
        }
        try connection.executeScript(
            """
            DELETE FROM erp_odoo.dropped_constraints;
            UPDATE erp_odoo.settings SET odoo_version = NULL, server = NULL, connected_at = NULL;
            """)
    }

    /// The views, shims, foreign tables, user mappings and server (whatever of them exists).
    private func dropMount() throws {
        try connection.executeScript(
            """
            SET LOCAL client_min_messages = warning;
            DROP SCHEMA IF EXISTS odoo_map CASCADE;
            DROP SCHEMA IF EXISTS odoo CASCADE;
            DROP SERVER IF EXISTS \(Self.serverName) CASCADE;
            """)
    }

    /// Moves the ERP-fed tables to `procurement_plain`; the keys the kept tables hold on them are dropped
    /// and recorded, since they would point at the set-aside tables.
    private func setAsidePlainTables() throws {
        let moved = Self.erpTables.map { "'procurement.\($0)'::regclass" }.joined(separator: ", ")
        let keys = try connection.query(
            """
            SELECT c.conrelid::regclass::text AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.confrelid IN (\(moved)) AND c.conrelid NOT IN (\(moved))
            """)
        for row in keys {
            let table = try row.decode(String.self, column: "table_name")
            let name = try row.decode(String.self, column: "name")
            let definition = try row.decode(String.self, column: "definition")
            let bare = table.hasPrefix("procurement.") ? String(table.dropFirst("procurement.".count)) : table
            try connection.execute(
                "INSERT INTO erp_odoo.dropped_constraints VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                [bare, name, definition])
            try connection.executeScript("ALTER TABLE \(table) DROP CONSTRAINT \(identifier(name));")
        }
        try connection.executeScript("CREATE SCHEMA procurement_plain;")
        for table in Self.erpTables {
            try connection.executeScript("ALTER TABLE procurement.\(table) SET SCHEMA procurement_plain;")
        }
    }

    /// The password travels as a parameter into a temporary function, so that no statement text (which
    /// errors and logs quote) holds it; errors inside are re-raised without the statement.
    private func createUserMapping(user: String, password: String?) throws {
        try connection.executeScript(
            """
            CREATE FUNCTION pg_temp.scorecard_odoo_mapping(odoo_user text, odoo_password text) RETURNS void
            LANGUAGE plpgsql AS $$
            BEGIN
                IF odoo_password IS NULL THEN
                    EXECUTE format('CREATE USER MAPPING FOR CURRENT_USER SERVER \(Self.serverName) OPTIONS (user %L)',
                        odoo_user);
                ELSE
                    EXECUTE format(
                        'CREATE USER MAPPING FOR CURRENT_USER SERVER \(Self.serverName) OPTIONS (user %L, password %L)',
                        odoo_user, odoo_password);
                END IF;
            EXCEPTION WHEN OTHERS THEN
                RAISE EXCEPTION 'cannot create the user mapping for the Odoo server: %', SQLERRM
                    USING ERRCODE = SQLSTATE;
            END $$;
            """)
        _ = try connection.query("SELECT pg_temp.scorecard_odoo_mapping($1, $2)", [user, password])
        try connection.executeScript("DROP FUNCTION pg_temp.scorecard_odoo_mapping(text, text);")
    }

    /// Columns of the imported foreign tables (as the Odoo database had them when imported), by table.
    private func importedColumns() throws -> [String: Set<String>] {
        var present: [String: Set<String>] = [:]
        for row in try connection.query(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'odoo'")
        {
            present[try row.decode(String.self, column: "table_name"), default: []].insert(
                try row.decode(String.self, column: "column_name"))
        }
        return present
    }

    /// The major version from module base's `latest_version`; the required modules installed.
    private func detectVersion() throws -> (Int, String) {
        var modules: [String: (state: String?, latest: String?)] = [:]
        for row in try connection.query(
            "SELECT name, state, latest_version FROM odoo.ir_module_module WHERE name = ANY($1)",
            [PostgresArray(["base"] + OdooSchema.requiredModules)])
        {
            modules[try row.decode(String.self, column: "name")] = (
                try row.decodeIfPresent(String.self, column: "state"),
                try row.decodeIfPresent(String.self, column: "latest_version")
            )
        }
        for module in OdooSchema.requiredModules where modules[module]?.state != "installed" {
            throw ErpOdooError.missingModule(module, state: modules[module]?.state)
        }
        let latest = modules["base"]?.latest ?? ""
        guard let version = OdooSchema.majorVersion(latest), OdooSchema.knownVersions.contains(version) else {
            throw ErpOdooError.unknownVersion(latest.isEmpty ? "none recorded" : latest)
        }
        return (version, latest)
    }

    private func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private func identifier(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Why the Odoo database cannot be read as it is (exit 64), or the adapter's state forbids the command.
public enum ErpOdooError: Error, CustomStringConvertible, Equatable {
    case badServer(String)
    case missingTable(String)
    case missingColumn(table: String, column: String, version: Int?)
    case missingModule(String, state: String?)
    case unknownVersion(String)
    case notConnected

    public var description: String {
        switch self {
        case .badServer(let reason): "--server: \(reason)"
        case .missingTable(let table):
            "the Odoo database has no table \(table) (public.\(table)), or this role may not read it"
        case .missingColumn(let table, let column, let version):
            "the Odoo database's table \(table) has no column \(column)"
                + (version.map { " (read for Odoo \($0))" } ?? "")
                + ": an Odoo upgrade or customisation changed it; see docs/erp-odoo.md"
        case .missingModule(let module, let state):
            "the Odoo database does not have the module \(module) installed (state: \(state ?? "absent"))"
        case .unknownVersion(let version):
            "Odoo version \(version) is not one the adapter knows (16, 17, 18)"
        case .notConnected: "the procurement tables are not connected to an ERP"
        }
    }
}
