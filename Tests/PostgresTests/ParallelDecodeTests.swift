import Postgres
import TestSupport
import Testing

@Suite struct ParallelDecodeTests {
    @Test func rowsKeepTheirOrderAcrossChunksAndNilsAreLeftOut() throws {
        let (connection, _) = try TestCluster.shared.connect()
        // 100,000 rows: dozens of chunks decoded on every core.
        let result = try connection.query("SELECT g, 'r' || g FROM generate_series(1, 100000) g")
        let decoded = try result.decodeInParallel { row -> String? in
            let number = try row.decode(Int.self, at: 0)
            return number % 3 == 0 ? nil : "\(number):\(try row.decode(String.self, at: 1))"
        }
        let expected = (1...100_000).filter { $0 % 3 != 0 }.map { "\($0):r\($0)" }
        #expect(decoded == expected)
    }

    @Test func theFirstErrorInRowOrderIsThrown() throws {
        let (connection, _) = try TestCluster.shared.connect()
        // Rows 40,000 and 90,000 (in different chunks) are not integers.
        let result = try connection.query(
            "SELECT CASE WHEN g IN (40000, 90000) THEN 'x' || g ELSE g::text END FROM generate_series(1, 100000) g"
        )
        let error = try #require(throws: PostgresDecodingError.self) {
            _ = try result.decodeInParallel { row in try row.decode(Int.self, at: 0) }
        }
        #expect(error.row == 39_999)
    }

    @Test func anEmptyResultDecodesToNothing() throws {
        let (connection, _) = try TestCluster.shared.connect()
        let result = try connection.query("SELECT 1 WHERE false")
        #expect(try result.decodeInParallel { row in try row.decode(Int.self, at: 0) }.isEmpty)
    }
}
