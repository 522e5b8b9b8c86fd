import Postgres
import TestSupport
import Testing

private struct Abort: Error {}

@Suite struct TransactionTests {
    private func count(_ connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) FROM t")[0].decode(Int.self, at: 0)
    }

    @Test func commitsWhenTheBodyReturns() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE t (id int)")
        let value = try connection.inTransaction {
            try connection.execute("INSERT INTO t VALUES (1), (2)")
        }
        #expect(value == 2)
        #expect(try count(connection) == 2)
    }

    @Test func rollsBackAndRethrowsWhenTheBodyThrows() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE t (id int)")
        #expect(throws: Abort.self) {
            try connection.inTransaction {
                try connection.execute("INSERT INTO t VALUES (1)")
                throw Abort()
            }
        }
        #expect(try count(connection) == 0)
        #expect(!connection.isInTransaction)
    }

    @Test func nestedCallsUseSavepoints() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE t (id int PRIMARY KEY)")
        try connection.inTransaction {
            #expect(connection.isInTransaction)
            try connection.execute("INSERT INTO t VALUES (1)")
            // The inner failure (a duplicate key) undoes only the inner work.
            #expect(throws: PostgresError.self) {
                try connection.inTransaction {
                    try connection.execute("INSERT INTO t VALUES (2)")
                    try connection.execute("INSERT INTO t VALUES (1)")
                }
            }
            try connection.inTransaction {
                try connection.execute("INSERT INTO t VALUES (3)")
            }
        }
        let ids = try connection.query("SELECT id FROM t ORDER BY id").map { try $0.decode(Int.self, at: 0) }
        #expect(ids == [1, 3])
    }

    @Test func outerFailureUndoesCommittedSavepoints() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE t (id int)")
        #expect(throws: Abort.self) {
            try connection.inTransaction {
                try connection.inTransaction { try connection.execute("INSERT INTO t VALUES (1)") }
                throw Abort()
            }
        }
        #expect(try count(connection) == 0)
    }

    @Test func swallowedStatementErrorMakesCommitThrow() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE t (id int PRIMARY KEY)")
        let error = try #require(throws: PostgresError.self) {
            try connection.inTransaction {
                try connection.execute("INSERT INTO t VALUES (1)")
                _ = try? connection.execute("INSERT INTO t VALUES (1)")
            }
        }
        #expect(error.code == .inFailedSQLTransaction)
        #expect(!connection.isInTransaction)
        #expect(try count(connection) == 0)
    }
}
