import Foundation
import Postgres
import TestSupport
import Testing

/// Parameters of every supported type go to the server and come back unchanged.
@Suite struct RoundTripTests {
    @Test func everyParameterTypeRoundTrips() throws {
        let (connection, _) = try TestCluster.shared.connect()
        let date = Date(timeIntervalSince1970: 1_772_618_400.123_456)
        let bytes: [UInt8] = [0, 1, 0x5C, 0x0A, 0xFF]
        let row = try #require(
            try connection.query(
                """
                SELECT $1::text AS s, $2::int8 AS i, $3::int4 AS i32, $4::int8 AS i64, $5::float8 AS d,
                       $6::bool AS b, $7::timestamptz AS t, $8::bytea AS bytes, $9::numeric AS n,
                       $10::float8 AS nan, $11::float8 AS minf
                """,
                [
                    "Grüße, 東京 ✓", Int.min, Int32.max, Int64.max, 0.1, false, date, bytes, "123.4500",
                    Double.nan,
                    -Double.infinity,
                ]
            ).first(where: { _ in true }))
        #expect(try row.decode(String.self, column: "s") == "Grüße, 東京 ✓")
        #expect(try row.decode(Int.self, column: "i") == Int.min)
        #expect(try row.decode(Int32.self, column: "i32") == Int32.max)
        #expect(try row.decode(Int64.self, column: "i64") == Int64.max)
        #expect(try row.decode(Double.self, column: "d") == 0.1)
        #expect(try row.decode(Bool.self, column: "b") == false)
        #expect(try row.decode(String.self, column: "t") == "2026-03-04 10:00:00.123456+00")
        let decodedDate = try row.decode(Date.self, column: "t")
        #expect(abs(decodedDate.timeIntervalSince(date)) < 0.000_001)
        #expect(try row.decode([UInt8].self, column: "bytes") == bytes)
        #expect(try row.decode(Double.self, column: "n") == 123.45)
        #expect(try row.decode(String.self, column: "n") == "123.4500")
        #expect(try row.decode(Double.self, column: "nan").isNaN)
        #expect(try row.decode(Double.self, column: "minf") == -.infinity)
    }

    @Test func nullIsDistinctFromEmptyString() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE t (id int PRIMARY KEY, note text)")
        let absent: String? = nil
        try connection.execute("INSERT INTO t VALUES (1, $1), (2, $2)", ["", absent])
        let result = try connection.query("SELECT note, note IS NULL FROM t ORDER BY id")
        #expect(result.rowCount == 2)
        #expect(result.columnNames == ["note", "?column?"])
        #expect(try result[0].decodeIfPresent(String.self, at: 0) == "")
        #expect(try result[0].decode(Bool.self, at: 1) == false)
        #expect(!result[0].isNull(0))
        #expect(try result[1].decodeIfPresent(String.self, at: 0) == nil)
        #expect(try result[1].decode(Bool.self, at: 1) == true)
        #expect(result[1].isNull(0))
        #expect(result.first?.index == 0)
        #expect(try connection.query("SELECT 1 WHERE false").first == nil)
    }

    @Test func affectedRowsCountsWhatChanged() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE t (id int); INSERT INTO t SELECT generate_series(1, 10)")
        #expect(try connection.execute("UPDATE t SET id = id + 100 WHERE id > $1", [7]) == 3)
        #expect(try connection.execute("DELETE FROM t WHERE id < $1", [0]) == 0)
        #expect(try connection.query("SELECT count(*) FROM t")[0].decode(Int.self, at: 0) == 10)
    }

    @Test func sessionSpeaksUTF8WithISODatesInUTC() throws {
        let (connection, _) = try TestCluster.shared.connect()
        let row = try connection.query(
            "SELECT current_setting('client_encoding'), current_setting('DateStyle'), "
                + "current_setting('TimeZone'), current_setting('application_name')")[0]
        #expect(try row.decode(String.self, at: 0) == "UTF8")
        #expect(try row.decode(String.self, at: 1) == "ISO, MDY")
        #expect(try row.decode(String.self, at: 2) == "UTC")
        #expect(try row.decode(String.self, at: 3) == "scorecard")
    }

    @Test func typedDecodeErrorsNameTheColumn() throws {
        let (connection, _) = try TestCluster.shared.connect()
        let row = try connection.query("SELECT 'abc'::text AS quantity, NULL::int AS lot")[0]
        let bad = try #require(throws: PostgresDecodingError.self) {
            try row.decode(Int.self, column: "quantity")
        }
        #expect(bad.column == "quantity")
        #expect(bad.columnIndex == 0)
        #expect(
            bad.description
                == "column \"quantity\" (#0) of row 0: cannot decode Int: \"abc\" is not a valid Int")
        let null = try #require(throws: PostgresDecodingError.self) { try row.decode(Int.self, at: 1) }
        #expect(null.description == "column \"lot\" (#1) of row 0: cannot decode Int: value is NULL")
        #expect(try row.decodeIfPresent(Int.self, column: "lot") == nil)
        let missing = try #require(throws: PostgresDecodingError.self) {
            try row.decode(Int.self, column: "nope")
        }
        #expect(missing.column == "nope")
        #expect(throws: PostgresDecodingError.self) { try row.decode(String.self, at: 5) }
    }

    @Test func nulCharacterInAParameterIsRefusedBeforeSending() throws {
        let (connection, _) = try TestCluster.shared.connect()
        let error = try #require(throws: PostgresError.self) {
            try connection.query("SELECT $1::text", ["a\u{0}b"])
        }
        #expect(error.code == SQLState("22021"))
        #expect(try connection.query("SELECT 1")[0].decode(Int.self, at: 0) == 1)
    }
}

@Suite struct ArrayParameterTests {
    @Test func arrayParametersKeepSpecialCharactersAndNulls() throws {
        let (connection, _) = try TestCluster.shared.connect()
        let values: [String?] = ["plain", "with,comma", "quote\"d", "back\\slash", "NULL", "", " {x} ", nil]
        let result = try connection.query(
            "SELECT v, v IS NULL FROM unnest($1::text[]) WITH ORDINALITY AS u(v, n) ORDER BY n",
            [PostgresArray(values)])
        #expect(try result.map { try $0.decodeIfPresent(String.self, at: 0) } == values)
        let ids: [String] = ["S-1", "S-3"]
        let matched = try connection.query(
            "SELECT count(*) FROM (VALUES ('S-1'), ('S-2'), ('S-3')) AS s(id) WHERE id = ANY($1::text[])",
            [PostgresArray(ids)])
        #expect(try matched[0].decode(Int.self, at: 0) == 2)
        #expect(PostgresArray([1, 2] as [Int]).postgresText == "{\"1\",\"2\"}")
        #expect(
            try connection.query("SELECT cardinality($1::int[])", [PostgresArray([Int]())])[0].decode(
                Int.self, at: 0) == 0)
    }

    @Test func arraysOfValuesPassAsParameterLists() throws {
        let (connection, _) = try TestCluster.shared.connect()
        let texts: [String] = ["a", "b"]
        let row = try connection.query("SELECT $1::text || $2::text", texts)[0]
        #expect(try row.decode(String.self, at: 0) == "ab")
    }
}
