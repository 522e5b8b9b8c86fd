import Postgres
import TestSupport
import Testing

private struct Stop: Error {}

@Suite struct StreamTests {
    @Test func visitsRowsOneAtATimeInOrder() throws {
        let (connection, _) = try TestCluster.shared.connect()
        var seen: [Int] = []
        try connection.stream("SELECT g, g * $1::int FROM generate_series(1, 5) g", [10]) { row in
            // Single-row mode: every row arrives in a result of its own.
            #expect(row.index == 0)
            seen.append(try row.decode(Int.self, at: 1))
        }
        #expect(seen == [10, 20, 30, 40, 50])
    }

    @Test func throwingBodyStopsTheStatementAndTheConnectionStaysUsable() throws {
        let (connection, _) = try TestCluster.shared.connect()
        var visited = 0
        #expect(throws: Stop.self) {
            try connection.stream("SELECT g FROM generate_series(1, 10000000) g") { _ in
                visited += 1
                if visited == 3 { throw Stop() }
            }
        }
        #expect(visited == 3)
        #expect(try connection.query("SELECT 7")[0].decode(Int.self, at: 0) == 7)
    }

    @Test func serverErrorMidStreamIsThrown() throws {
        let (connection, _) = try TestCluster.shared.connect()
        var visited: [Int] = []
        let error = try #require(throws: PostgresError.self) {
            try connection.stream("SELECT 10 / (3 - g) FROM generate_series(1, 5) g") { row in
                visited.append(try row.decode(Int.self, at: 0))
            }
        }
        #expect(error.code == SQLState("22012"))
        #expect(visited == [5, 10])
        #expect(try connection.query("SELECT 1")[0].decode(Int.self, at: 0) == 1)
    }
}

@Suite struct BusyConnectionTests {
    @Test func statementsInsideAStreamAreRefusedAndNoRowIsLost() throws {
        let (connection, _) = try TestCluster.shared.connect()
        var seen: [Int] = []
        var refusals: [SQLState] = []
        try connection.stream("SELECT g FROM generate_series(1, 4) g") { row in
            seen.append(try row.decode(Int.self, at: 0))
            do {
                try connection.execute("SELECT 1")
            } catch let error as PostgresError {
                refusals.append(error.code)
            }
        }
        #expect(seen == [1, 2, 3, 4])
        #expect(refusals == Array(repeating: .prerequisiteStateNotMet, count: 4))
        #expect(try connection.query("SELECT 1")[0].decode(Int.self, at: 0) == 1)
    }

    @Test func statementsInsideACopyAreRefused() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE m (id int)")
        let copied = try connection.copyIn(table: "m", columns: ["id"]) { writer in
            try writer.appendRow([1])
            #expect(throws: PostgresError.self) { try connection.execute("INSERT INTO m VALUES (2)") }
            try writer.appendRow([3])
        }
        #expect(copied == 2)
    }

    @Test func closeInsideAStreamTakesEffectAfterIt() throws {
        let (connection, _) = try TestCluster.shared.connect()
        var seen = 0
        try connection.stream("SELECT g FROM generate_series(1, 3) g") { _ in
            seen += 1
            connection.close()
        }
        #expect(seen == 3)
        #expect(!connection.isConnected)
        let error = try #require(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(error.code == .connectionDoesNotExist)
    }
}
