import Postgres
import TestSupport
import Testing

/// Paths that allocate in libpq without succeeding, repeated so that scripts/leak-check (LeakSanitizer)
/// would see any handle or result they fail to free.
@Suite struct FreeingTests {
    @Test func failedConnectionsAreFreed() throws {
        for attempt in 0..<200 {
            let error = try #require(throws: PostgresError.self) {
                _ = try PostgresConnection(
                    "host=/tmp/no-such-scorecard-\(attempt) user=postgres connect_timeout=2",
                    logger: TestCluster.quietLogger)
            }
            #expect(error.code == .unableToConnect)
        }
        // A malformed conninfo fails inside libpq before any socket is opened.
        let malformed = try #require(throws: PostgresError.self) {
            _ = try PostgresConnection("host=", logger: TestCluster.quietLogger)
        }
        #expect(malformed.code == .unableToConnect)
        let unknown = try #require(throws: PostgresError.self) {
            _ = try PostgresConnection("nonsense_option=1", logger: TestCluster.quietLogger)
        }
        #expect(unknown.message.contains("nonsense_option"))
    }

    @Test func failingStatementsFreeTheirResults() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)")
        for _ in 0..<300 {
            #expect(throws: PostgresError.self) { try connection.execute("INSERT INTO t VALUES ($1)", [1]) }
            #expect(throws: PostgresError.self) { try connection.executeScript("SELECT 1; SELEC 2") }
            #expect(throws: PostgresError.self) { try connection.query("SELECT 1 / $1::int", [0]) }
            #expect(throws: PostgresError.self) { try connection.stream("SELECT * FROM nowhere") { _ in } }
        }
        #expect(try connection.query("SELECT count(*) FROM t")[0].decode(Int.self, at: 0) == 1)
    }

    @Test func manyConnectionsOpenAndClose() throws {
        let conninfo = try TestCluster.shared.makeDatabase()
        for _ in 0..<50 {
            let connection = try PostgresConnection(conninfo, logger: TestCluster.quietLogger)
            _ = try connection.query("SELECT 1")
        }
    }
}
