import Postgres
import TestSupport
import Testing

private struct Abort: Error {}

@Suite struct CopyTests {
    @Test func specialCharactersAndNullsArriveUnchanged() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript(
            "CREATE SCHEMA scorecard; CREATE TABLE scorecard.\"Odd Name\" (id int, note text)")
        let notes: [String?] = [
            "back\\slash", "tab\there", "new\nline", "carriage\rreturn", "", nil, "\\N", "Grüße 東京",
        ]
        let copied = try connection.copyIn(table: "scorecard.Odd Name", columns: ["id", "note"]) { writer in
            for (index, note) in notes.enumerated() { try writer.appendRow([index, note]) }
        }
        #expect(copied == notes.count)
        let stored = try connection.query("SELECT note FROM scorecard.\"Odd Name\" ORDER BY id")
            .map { try $0.decodeIfPresent(String.self, at: 0) }
        #expect(stored == notes)
    }

    @Test func copiesOneHundredThousandRows() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE m (id int8, value float8, ok bool, lot text)")
        let copied = try connection.copyIn(table: "m", columns: ["id", "value", "ok", "lot"]) { writer in
            for id in 1...100_000 {
                try writer.appendRow([id, Double(id) / 4, id % 2 == 0, "L-\(id)"])
            }
        }
        #expect(copied == 100_000)
        let row = try connection.query(
            "SELECT count(*), sum(id), sum(value), count(*) FILTER (WHERE ok) FROM m")[0]
        #expect(try row.decode(Int.self, at: 0) == 100_000)
        #expect(try row.decode(Int.self, at: 1) == 5_000_050_000)
        #expect(try row.decode(Double.self, at: 2) == 1_250_012_500)
        #expect(try row.decode(Int.self, at: 3) == 50_000)
    }

    @Test func throwingBodyAbortsTheCopyAndLeavesTheConnectionUsable() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE m (id int)")
        #expect(throws: Abort.self) {
            _ = try connection.copyIn(table: "m", columns: ["id"]) { writer in
                // More than one 64 KiB buffer goes out before the failure.
                for id in 1...50_000 { try writer.appendRow([id]) }
                throw Abort()
            }
        }
        #expect(try connection.query("SELECT count(*) FROM m")[0].decode(Int.self, at: 0) == 0)
        #expect(try connection.execute("INSERT INTO m VALUES (1)") == 1)
    }

    @Test func badValueIsReportedByTheServer() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE m (id int)")
        let error = try #require(throws: PostgresError.self) {
            _ = try connection.copyIn(table: "m", columns: ["id"]) { writer in
                try writer.appendRow([1])
                try writer.appendRow(["two"])
            }
        }
        #expect(error.code == .invalidTextRepresentation)
        #expect(error.context?.contains("line 2") == true)
        #expect(throws: PostgresError.self) {
            _ = try connection.copyIn(table: "m", columns: ["id"]) { writer in try writer.appendRow([1, 2]) }
        }
        let missing = try #require(throws: PostgresError.self) {
            _ = try connection.copyIn(table: "nowhere", columns: ["id"]) { _ in }
        }
        #expect(missing.code == .undefinedTable)
        #expect(try connection.query("SELECT count(*) FROM m")[0].decode(Int.self, at: 0) == 0)
    }

    @Test func copyStatementThroughQueryIsRefusedCleanly() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE m (id int)")
        #expect(throws: PostgresError.self) { try connection.query("COPY m FROM STDIN") }
        #expect(throws: PostgresError.self) { try connection.query("COPY m TO STDOUT") }
        #expect(try connection.query("SELECT 2")[0].decode(Int.self, at: 0) == 2)
    }
}
