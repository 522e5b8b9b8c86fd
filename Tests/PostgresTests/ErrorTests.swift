import Foundation
import Postgres
import TestSupport
import Testing

/// Server and connection errors carry SQLSTATE and the server's fields.
@Suite struct ErrorTests {
    @Test func uniqueViolationCarriesDetailAndConstraint() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE supplier (id text PRIMARY KEY)")
        try connection.execute("INSERT INTO supplier VALUES ($1)", ["S-1"])
        let error = try #require(throws: PostgresError.self) {
            try connection.execute("INSERT INTO supplier VALUES ($1)", ["S-1"])
        }
        #expect(error.code == .uniqueViolation)
        #expect(error.message == "duplicate key value violates unique constraint \"supplier_pkey\"")
        #expect(error.detail == "Key (id)=(S-1) already exists.")
        #expect(error.constraintName == "supplier_pkey")
        #expect(error.tableName == "supplier")
        #expect(error.severity == "ERROR")
        #expect(
            error.description
                == "ERROR 23505: duplicate key value violates unique constraint \"supplier_pkey\" "
                + "DETAIL: Key (id)=(S-1) already exists. STATEMENT: INSERT INTO supplier VALUES ($1)")
    }

    /// An operator reading the log learns which statement failed, and never a parameter's value.
    @Test func errorsNameTheStatementButNeverItsParameters() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE secret_t (id int PRIMARY KEY, token text NOT NULL)")
        let failed = try #require(throws: PostgresError.self) {
            try connection.execute(
                """
                INSERT INTO secret_t
                    (id, token)   VALUES ($1, $2)
                """, [1, nil as String?])
        }
        #expect(failed.statement == "INSERT INTO secret_t (id, token) VALUES ($1, $2)")
        // The server's own fields may quote a key; the statement part adds no parameter.
        try connection.execute("INSERT INTO secret_t VALUES ($1, $2)", [1, "a"])
        let duplicate = try #require(throws: PostgresError.self) {
            try connection.execute("INSERT INTO secret_t VALUES ($1, $2)", [1, "s3cr3t-value"])
        }
        #expect(!duplicate.description.contains("s3cr3t-value"))
        #expect(duplicate.description.hasSuffix("STATEMENT: INSERT INTO secret_t VALUES ($1, $2)"))
        let long = "SELECT " + Array(repeating: "1", count: 400).joined(separator: " + ") + " FROM nowhere"
        let cut = try #require(throws: PostgresError.self) { try connection.query(long) }
        #expect(cut.statement?.hasSuffix("…") == true)
        #expect((cut.statement?.count ?? 0) <= 241)
    }

    @Test func decodingAndCopyErrorsNameTheirStatement() throws {
        let (connection, _) = try TestCluster.shared.connect()
        let decoding = try #require(throws: PostgresDecodingError.self) {
            try connection.stream("SELECT 'x' AS n") { row in _ = try row.decode(Int.self, at: 0) }
        }
        #expect(decoding.statement == "SELECT 'x' AS n")
        try connection.executeScript("CREATE TABLE copied (id int NOT NULL)")
        let copy = try #require(throws: PostgresError.self) {
            _ = try connection.copyIn(table: "copied", columns: ["id"]) { writer in
                try writer.appendRow([nil as Int?])
            }
        }
        #expect(copy.statement == "COPY copied (id) FROM STDIN")
    }

    @Test func catchingOneSQLStateWorks() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)")
        var caught = false
        do {
            try connection.execute("INSERT INTO t VALUES ($1)", [1])
        } catch SQLState.uniqueViolation {
            caught = true
        }
        #expect(caught)
    }

    @Test func checkViolationNamesTheConstraint() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript(
            "CREATE TABLE lot (quantity numeric CONSTRAINT positive CHECK (quantity > 0))")
        let error = try #require(throws: PostgresError.self) {
            try connection.execute("INSERT INTO lot VALUES ($1)", [-5])
        }
        #expect(error.code == .checkViolation)
        #expect(error.constraintName == "positive")
        #expect(error.message == "new row for relation \"lot\" violates check constraint \"positive\"")
    }

    @Test func syntaxErrorGivesPosition() throws {
        let (connection, _) = try TestCluster.shared.connect()
        let error = try #require(throws: PostgresError.self) { try connection.query("SELECT 1 FROMM t") }
        #expect(error.code == .syntaxError)
        #expect(error.position == 16)  // "FROMM" reads as a column alias; the stray "t" is character 16
    }

    @Test func hintAndUndefinedTable() throws {
        let (connection, _) = try TestCluster.shared.connect()
        let missing = try #require(throws: PostgresError.self) {
            try connection.query("SELECT * FROM nowhere")
        }
        #expect(missing.code == .undefinedTable)
        #expect(missing.position == 15)
        let hinted = try #require(throws: PostgresError.self) {
            try connection.executeScript(
                "DO $$ BEGIN RAISE EXCEPTION 'bad lot' USING DETAIL = 'lot L-7', HINT = 'check the CoA', "
                    + "ERRCODE = 'P0001'; END $$")
        }
        #expect(hinted.code == .raiseException)
        #expect(hinted.message == "bad lot")
        #expect(hinted.detail == "lot L-7")
        #expect(hinted.hint == "check the CoA")
        #expect(hinted.context?.contains("PL/pgSQL function inline_code_block") == true)
    }

    @Test func connectingToAMissingSocketFolderThrowsUnableToConnect() throws {
        let error = try #require(throws: PostgresError.self) {
            _ = try PostgresConnection(
                "host=/tmp/no-such-scorecard-socket user=postgres dbname=x", logger: TestCluster.quietLogger)
        }
        #expect(error.code == .unableToConnect)
        #expect(error.code.isConnectionError)
        #expect(error.message.contains("/tmp/no-such-scorecard-socket/.s.PGSQL.5432"))
        #expect(error.message.contains("No such file or directory"))
    }

    @Test func urlConninfoWorks() throws {
        let conninfo = try TestCluster.shared.makeDatabase()
        let database = try #require(conninfo.split(separator: "=").last)
        let socket = TestCluster.shared.socketDirectory.replacingOccurrences(of: "/", with: "%2F")
        let connection = try PostgresConnection(
            "postgresql://postgres@\(socket)/\(database)", logger: TestCluster.quietLogger)
        #expect(
            try connection.query("SELECT current_database()")[0].decode(String.self, at: 0)
                == String(database))
        // Our client_encoding wins over one in the URL: decoding relies on UTF8.
        let latin = try PostgresConnection(
            "postgresql://postgres@\(socket)/\(database)?client_encoding=LATIN1",
            logger: TestCluster.quietLogger)
        let encoding = try latin.query("SELECT current_setting('client_encoding')")[0].decode(
            String.self, at: 0)
        #expect(encoding == "UTF8")
    }

    @Test func terminatedBackendSurfacesAsConnectionError() throws {
        let (victim, conninfo) = try TestCluster.shared.connect()
        let killer = try PostgresConnection(conninfo, logger: TestCluster.quietLogger)
        let pid = Int(victim.backendProcessID)
        #expect(
            try killer.query("SELECT pg_terminate_backend($1::int, 5000)", [pid])[0].decode(Bool.self, at: 0))
        let error = try #require(throws: PostgresError.self) { try victim.query("SELECT 1") }
        #expect(error.code.isConnectionError, "\(error)")
        #expect([SQLState.connectionFailure, .adminShutdown].contains(error.code), "\(error)")
        #expect(!victim.isConnected)
        // Still an error (not a crash) on later use.
        let again = try #require(throws: PostgresError.self) { try victim.query("SELECT 1") }
        #expect(again.code.isConnectionError, "\(again)")
    }

    @Test func closedConnectionThrowsConnectionDoesNotExist() throws {
        let (connection, _) = try TestCluster.shared.connect()
        connection.close()
        connection.close()
        let error = try #require(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(error.code == .connectionDoesNotExist)
    }
}
