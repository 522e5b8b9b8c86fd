import Foundation
import Postgres
import Store
import TestSupport
import Testing

@testable import Job

/// The Odoo adapter against a second database of the throwaway cluster built in Odoo's shape, mounted
/// through postgres_fdw over the cluster's unix socket (as the superuser, which postgres_fdw lets connect
/// without a password; production uses a password from a passfile, see README "Running on Odoo").
@Suite struct OdooAdapterTests {
    /// Each ERP-fed table, its columns in the contract's order, numbers as float8 (a converted unit gives
    /// 60.000… where the straight load has 60).
    static let tableQueries = [
        "SELECT supplier_id, name, country, active FROM procurement.suppliers ORDER BY 1",
        "SELECT material_id, name, criticality FROM procurement.materials ORDER BY 1",
        "SELECT supplier_id, material_id, supplier_part_number, status, approved_on FROM procurement.approved_sources ORDER BY 1, 2",
        """
        SELECT order_line_id, supplier_id, material_id, quantity::float8, unit, unit_price::float8, ordered_at,
               requested_date, promised_date, confirmed_at, repromised_date, cancelled
        FROM procurement.order_lines ORDER BY 1
        """,
        "SELECT receipt_id, order_line_id, received_at, quantity::float8, lot_number FROM procurement.receipts ORDER BY 1",
        """
        SELECT defect_id, receipt_id, supplier_id, material_id, detected_at, severity, defective_quantity::float8,
               disposition, description FROM procurement.defects ORDER BY 1
        """,
        "SELECT communication_id, supplier_id, kind, sent_at, responded_at FROM procurement.communications ORDER BY 1",
        """
        SELECT quotation_id, supplier_id, material_id, quoted_at, min_quantity::float8, unit_price::float8,
               lead_time_days, valid_until FROM procurement.quotations ORDER BY 1
        """,
    ]

    static let resultQueries = [
        """
        SELECT supplier_id, otd_rate, otif_rate, avg_days_late, due_lines, ppm, lot_rejection_rate, lots_received,
               median_response_hours, within_sla_rate, unanswered_overdue, flag_count, critical_flag_count
        FROM scorecard.supplier_scorecards ORDER BY 1
        """,
        """
        SELECT supplier_id, material_id, kind, severity, message, evidence::text FROM scorecard.supplier_flags
        ORDER BY 1, 2 NULLS FIRST, 3, 5
        """,
        "SELECT material_id, criticality, sources, usable_sources, single_sourced FROM scorecard.material_sourcing ORDER BY 1",
    ]

    static func rows(_ fixture: JobFixture, _ sql: String) throws -> [String] {
        let connection = try fixture.connect()
        defer { connection.close() }
        return try connection.query(sql).map { row in
            (0..<row.columnCount).map { row.text(at: $0) ?? "NULL" }.joined(separator: " | ")
        }
    }

    /// A scorecard database on the Odoo database of `version`, connected; and the Odoo database's conninfo.
    static func connected(version: Int, world: OdooWorld = .standard) throws -> (JobFixture, odoo: String) {
        let odoo = try TestCluster.shared.makeDatabase()
        let odooConnection = try PostgresConnection(odoo, logger: TestCluster.quietLogger)
        try odooConnection.executeScript(OdooWorld.ddl(version: version) + world.odooSQL(version: version))
        odooConnection.close()
        let fixture = try JobFixture()
        _ = try ErpOdoo.connect(
            database: fixture.conninfo, server: serverOption(odoo), user: "postgres", passfile: nil,
            paths: fixture.paths, logger: fixture.logger)
        try fixture.execute(
            "INSERT INTO erp_odoo.material_criticality VALUES ('All / Critical', 'critical');"
                + OdooWorld.specifications)
        return (fixture, odoo)
    }

    /// `host=… dbname=…` of a test database's conninfo (the user goes to the user mapping).
    static func serverOption(_ conninfo: String) -> String {
        conninfo.split(separator: " ").filter { !$0.hasPrefix("user=") }.joined(separator: " ")
    }

    @Test(arguments: [16, 17, 18])
    func sameFlagsAndFiguresAsTheWorldLoadedStraight(version: Int) throws {
        let straight = try JobFixture(seedSQL: OdooWorld.standard.procurementSQL)
        let (odoo, _) = try Self.connected(version: version)
        for query in Self.tableQueries {
            let expected = try Self.rows(straight, query)
            #expect(!expected.isEmpty)
            #expect(try Self.rows(odoo, query) == expected, "Odoo \(version): \(query)")
        }
        _ = try straight.run(asOf: "2026-06-30")
        _ = try odoo.run(asOf: "2026-06-30")
        for query in Self.resultQueries {
            let expected = try Self.rows(straight, query)
            #expect(!expected.isEmpty)
            #expect(try Self.rows(odoo, query) == expected, "Odoo \(version): \(query)")
        }
    }

    @Test func aRepromiseOdooCallsOnTimeIsLateHere() throws {
        let (fixture, odoo) = try Self.connected(version: 17)
        // What Odoo's on-time rate compares: the receipt with the line's current Expected Arrival.
        let odooConnection = try PostgresConnection(odoo, logger: TestCluster.quietLogger)
        defer { odooConnection.close() }
        let odooOnTime = try odooConnection.query(
            """
            SELECT bool_and(ml.date::date <= pol.date_planned::date) FROM stock_move_line ml
            JOIN stock_move m ON m.id = ml.move_id JOIN purchase_order_line pol ON pol.id = m.purchase_line_id
            WHERE pol.order_id = 8
            """
        ).first?.decodeIfPresent(Bool.self, at: 0)
        #expect(odooOnTime == true)
        #expect(
            try Self.rows(
                fixture,
                "SELECT promised_date, repromised_date FROM procurement.order_lines WHERE order_line_id = 'pol-8'"
            )
                == ["2026-05-05 | 2026-05-20"])
        _ = try fixture.run(asOf: "2026-06-30")
        #expect(try fixture.score("otd_rate", supplier: "SUP-B", as: Double.self) == 0)
        #expect(try fixture.score("avg_days_late", supplier: "SUP-B", as: Double.self) == 13)
    }

    /// The job's own role (not a superuser, no user mapping of its own) reads Odoo through the views,
    /// which use their owner's mapping.
    @Test func theJobRoleReadsOdooThroughTheViews() throws {
        let (fixture, _) = try Self.connected(version: 17)
        let name = "job_" + UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(12)
        try fixture.execute("CREATE ROLE \(name) LOGIN IN ROLE scorecard_job")
        let summary = try NightlyRun(
            configuration: fixture.configuration(), paths: fixture.paths, logger: fixture.logger
        )
        .run(asOf: try JobFixture.day("2026-06-30"), database: fixture.conninfo + " user=\(name)")
        #expect(summary.counts.suppliersScored == 2)
        #expect(try fixture.score("otd_rate", supplier: "SUP-B", as: Double.self) == 0)
    }

    @Test func unreachableOdooExits69AndKeepsThePreviousResults() throws {
        let (fixture, _) = try Self.connected(version: 18)
        let first = try fixture.run(asOf: "2026-06-30")
        try fixture.execute("ALTER SERVER scorecard_odoo OPTIONS (SET dbname 'no_such_odoo_database')")
        do {
            _ = try fixture.run(asOf: "2026-07-01")
            Issue.record("the run succeeded without its Odoo server")
        } catch let error as JobError {
            #expect(error.exitCode == .databaseUnavailable, "\(error)")
        }
        #expect(try fixture.scalar("SELECT run_id FROM scorecard.latest_run", as: Int64.self) == first.runId)
        #expect(try fixture.score("due_lines", supplier: "SUP-A", as: Int.self) != nil)
    }

    @Test func aColumnGoneAfterAnUpgradeExits64NamingIt() throws {
        let (fixture, odoo) = try Self.connected(version: 17)
        let odooConnection = try PostgresConnection(odoo, logger: TestCluster.quietLogger)
        try odooConnection.executeScript(
            "ALTER TABLE stock_move_line RENAME COLUMN quantity TO quantity_moved")
        odooConnection.close()
        do {
            _ = try fixture.run(asOf: "2026-06-30")
            Issue.record("the run read a column that is gone")
        } catch let error as JobError {
            #expect(error.exitCode == .usage)
            #expect(error.message.contains("stock_move_line has no column quantity"), "\(error.message)")
        }
        #expect(try fixture.scalar("SELECT count(*) FROM scorecard.runs", as: Int.self) == 0)
    }

    @Test func connectRefusesAMissingModuleOrColumn() throws {
        let fixture = try JobFixture()
        for (breakage, expected) in [
            (
                "UPDATE ir_module_module SET state = 'uninstalled' WHERE name = 'purchase_stock'",
                "purchase_stock"
            ),
            (
                "ALTER TABLE stock_move DROP COLUMN origin_returned_move_id",
                "stock_move has no column origin_returned_move_id"
            ),
            ("UPDATE ir_module_module SET latest_version = '15.0.1.3' WHERE name = 'base'", "15.0.1.3"),
        ] {
            let odoo = try TestCluster.shared.makeDatabase()
            let connection = try PostgresConnection(odoo, logger: TestCluster.quietLogger)
            try connection.executeScript(OdooWorld.ddl(version: 16) + breakage)
            connection.close()
            do {
                _ = try ErpOdoo.connect(
                    database: fixture.conninfo, server: Self.serverOption(odoo), user: "postgres",
                    passfile: nil,
                    paths: fixture.paths, logger: fixture.logger)
                Issue.record("connected despite: \(breakage)")
            } catch let error as JobError {
                #expect(error.exitCode == .usage)
                #expect(error.message.contains(expected), "\(error.message)")
            }
            #expect(
                try fixture.scalar(
                    "SELECT relkind::text FROM pg_class WHERE oid = 'procurement.order_lines'::regclass")
                    == "r")
        }
    }

    @Test func disconnectRestoresThePlainTables() throws {
        let (fixture, _) = try Self.connected(version: 16)
        #expect(
            try fixture.scalar(
                "SELECT relkind::text FROM pg_class WHERE oid = 'procurement.order_lines'::regclass")
                == "v")
        try ErpOdoo.disconnect(database: fixture.conninfo, logger: fixture.logger)
        #expect(
            try fixture.scalar(
                "SELECT relkind::text FROM pg_class WHERE oid = 'procurement.order_lines'::regclass")
                == "r")
        #expect(
            try fixture.scalar(
                "SELECT count(*) FROM pg_constraint WHERE conrelid = 'procurement.specifications'::regclass AND contype = 'f'",
                as: Int.self) == 1)
        #expect(try fixture.scalar("SELECT count(*) FROM pg_foreign_server", as: Int.self) == 0)
        try fixture.execute("DELETE FROM procurement.specifications;" + HandComputedWorld.sql)
        #expect(try fixture.run(asOf: "2026-06-30").counts.suppliersScored == 2)
    }

    /// The password from the passfile reaches the user mapping, and no log line.
    @Test func thePasswordGoesFromThePassfileToTheMappingOnly() throws {
        let odoo = try TestCluster.shared.makeDatabase()
        let odooConnection = try PostgresConnection(odoo, logger: TestCluster.quietLogger)
        try odooConnection.executeScript(OdooWorld.ddl(version: 18))
        odooConnection.close()
        let fixture = try JobFixture()
        let socket = TestCluster.shared.socketDirectory
        let database = odoo.split(separator: "=").last.map(String.init) ?? ""
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try Data("\(socket):5432:\(database):postgres:Od'oo-s3cret\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let (logger, records) = InMemoryLogHandler.logger()
        _ = try ErpOdoo.connect(
            database: fixture.conninfo, server: Self.serverOption(odoo), user: "postgres", passfile: url.path,
            paths: fixture.paths, logger: logger)
        #expect(
            try fixture.scalar("SELECT array_to_string(umoptions, ' ') FROM pg_user_mappings")
                == "user=postgres password=Od'oo-s3cret")
        #expect(!records.entries.contains { "\($0)".contains("s3cret") })
    }

    @Test func passfileLinesMatchLikeLibpq() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try Data("# comment\nother:5432:odoo:odoo:no\nodoo-db:*:odoo:odoo:s3cr\\:et\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let passfile = Passfile(path: url.path)
        #expect(
            try passfile.password(host: "odoo-db", port: "5433", database: "odoo", user: "odoo") == "s3cr:et")
        #expect(try passfile.password(host: "odoo-db", port: "5433", database: "odoo", user: "x") == nil)
    }
}
