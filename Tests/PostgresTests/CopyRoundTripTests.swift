import Foundation
import Postgres
import TestSupport
import Testing

/// Values that are easy to get wrong in COPY's text format, through a real server and back.
@Suite struct CopyRoundTripTests {
    static let texts: [String?] = [
        "tab\there", "new\nline", "carriage\rreturn", "back\\slash", "\\", "ends with \\", "\\N", "\\x41",
        "", nil, "Grüße 東京", "emoji 🧪👩‍🔬", "bell \u{07} and escape \u{1B}", "\r\n\t\\\\",
    ]
    static let integers: [Int] = [Int.min, Int.max, 0, -1, 1_000_000_007]
    static let doubles: [Double] = [
        0.1, -0.0, 0, 1e-300, 1.7976931348623157e308, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
        2.2250738585072014e-308,
        .infinity, -.infinity, 1 / 3, 99.512, 123_456_789.012_345_68, 9_007_199_254_740_994, 1e21, -1e-5,
    ]

    /// Writes the same rows through the typed row API (ids from 0) and through `appendRow(_:)` (from 1000).
    private func copyTrickyRows(_ connection: PostgresConnection) throws {
        try connection.executeScript(
            "CREATE TABLE t (id int, txt text, i8 int8, i4 int4, f float8, b bool, ts timestamptz, raw bytea)"
        )
        let columns = ["id", "txt", "i8", "i4", "f", "b", "ts", "raw"]
        let count = max(Self.texts.count, Self.doubles.count)
        let copied = try connection.copyIn(table: "t", columns: columns) { writer in
            for index in 0..<count {
                let values = rowValues(index)
                try writer.appendRow { row in
                    try row.append(index)
                    try row.append(values.text)
                    try row.append(values.integer)
                    try row.append(values.int32)
                    try row.append(values.double)
                    try row.append(values.bool)
                    try row.append(values.date)
                    try row.append(values.bytes)
                }
                try writer.appendRow([
                    1000 + index, values.text, values.integer, values.int32, values.double, values.bool,
                    values.date, values.bytes,
                ])
            }
        }
        #expect(copied == 2 * count)
    }

    private func rowValues(_ index: Int) -> (
        text: String?, integer: Int, int32: Int32?, double: Double, bool: Bool?, date: Date, bytes: [UInt8]?
    ) {
        (
            Self.texts[index % Self.texts.count], Self.integers[index % Self.integers.count],
            [Int32.min, Int32.max, nil][index % 3], Self.doubles[index % Self.doubles.count],
            [true, false, nil][index % 3], Date(timeIntervalSince1970: -1 - Double(index) * 86_400.25),
            index % 2 == 0 ? Array(0...255) : index % 3 == 0 ? [] : nil
        )
    }

    @Test func textsIntegersAndDoublesArriveUnchanged() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try copyTrickyRows(connection)
        for row in try connection.query("SELECT id, txt, i8, i4, f, b FROM t ORDER BY id") {
            let id = try row.decode(Int.self, at: 0)
            let expected = rowValues(id % 1000)
            #expect(try row.decodeIfPresent(String.self, at: 1) == expected.text, "row \(id)")
            #expect(try row.decode(Int.self, at: 2) == expected.integer, "row \(id)")
            #expect(try row.decodeIfPresent(Int32.self, at: 3) == expected.int32, "row \(id)")
            // Bit for bit: -0.0 keeps its sign, 5e-324 and 0.1 are not rounded.
            #expect(try row.decode(Double.self, at: 4).bitPattern == expected.double.bitPattern, "row \(id)")
            #expect(try row.decodeIfPresent(Bool.self, at: 5) == expected.bool, "row \(id)")
        }
        // The server's own view of a few of them, independent of our decoding.
        let server = try connection.query(
            "SELECT txt = E'emoji \\U0001F9EA\\U0001F469\\u200D\\U0001F52C', i8::text, f::text FROM t WHERE id = 11"
        )[0]
        #expect(try server.decode(Bool.self, at: 0))
        #expect(try server.decode(String.self, at: 1) == "9223372036854775807")
        #expect(try server.decode(String.self, at: 2) == "99.512")
        // One NULL and one empty text per API: not the same thing.
        let nulls = try connection.query("SELECT count(*) FROM t WHERE txt IS NULL")[0]
        #expect(try nulls.decode(Int.self, at: 0) == 2)
        let empty = try connection.query("SELECT count(*) FROM t WHERE txt = ''")[0]
        #expect(try empty.decode(Int.self, at: 0) == 2)
    }

    /// Arrays in a COPY: numbers bare, texts quoted, NULL elements, and every escape the array and the
    /// COPY formats need, read back element by element.
    @Test func arraysArriveElementByElement() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE a (id int, t text[], f float8[], n int8[], b bool[])")
        let texts = Self.texts.map { $0 ?? "NULL" } + ["a,b", "{brace}", "quote\"d", " spaced "]
        let withNull: [(any PostgresEncodable)?] = texts.map { $0 } + [nil]
        _ = try connection.copyIn(table: "a", columns: ["id", "t", "f", "n", "b"]) { writer in
            try writer.appendRow([
                1, PostgresArray(withNull), PostgresArray(Self.doubles + [.nan]),
                PostgresArray(Self.integers),
                PostgresArray([true, false]),
            ])
        }
        let row = try connection.query(
            "SELECT cardinality(t), t[$1], (t[$2] IS NULL), f::text, n::text, b::text FROM a",
            [withNull.count - 1, withNull.count])[0]
        #expect(try row.decode(Int.self, at: 0) == withNull.count)
        #expect(try row.decode(String.self, at: 1) == " spaced ")
        #expect(try row.decode(Bool.self, at: 2))
        let floats = try connection.query("SELECT x FROM a, unnest(f) AS x")
        let read = try floats.map { try $0.decode(Double.self, at: 0) }
        #expect(Array(read.dropLast()) == Self.doubles)
        #expect(read.last?.isNaN == true)
        let strings = try connection.query("SELECT x FROM a, unnest(t) WITH ORDINALITY AS u(x, k) ORDER BY k")
        #expect(try strings.map { try $0.decodeIfPresent(String.self, at: 0) } == texts + [nil])
        #expect(
            try row.decode(String.self, at: 4) == "{" + Self.integers.map(String.init).joined(separator: ",")
                + "}")
        #expect(try row.decode(String.self, at: 5) == "{t,f}")
        // A NUL in an element is refused like a NUL in any text.
        let refused = try #require(throws: PostgresError.self) {
            _ = try connection.copyIn(table: "a", columns: ["t"]) { writer in
                try writer.appendRow([PostgresArray(["nul\u{0}"])])
            }
        }
        #expect(refused.code.rawValue == "22021")
    }

    @Test func nanAndInfinitiesKeepTheirSpelling() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE f (id int, f float8)")
        _ = try connection.copyIn(table: "f", columns: ["id", "f"]) { writer in
            for (id, value) in [Double.nan, .infinity, -.infinity].enumerated() {
                try writer.appendRow { row in
                    try row.append(id)
                    try row.append(value)
                }
            }
        }
        let stored = try connection.query("SELECT f::text FROM f ORDER BY id").map {
            try $0.decode(String.self, at: 0)
        }
        #expect(stored == ["NaN", "Infinity", "-Infinity"])
    }

    @Test func timestampsBefore1970KeepTheirMicroseconds() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE d (id int, ts timestamptz)")
        // -14_182_940 s: 1969-07-20 20:17:40 UTC; -2_208_988_800 s: 1900-01-01.
        let dates = [
            Date(timeIntervalSince1970: -14_182_940 + 0.123_456), Date(timeIntervalSince1970: -2_208_988_800),
            Date(timeIntervalSince1970: -0.000_001), Date(timeIntervalSince1970: 1_772_618_400.5),
        ]
        _ = try connection.copyIn(table: "d", columns: ["id", "ts"]) { writer in
            for (id, date) in dates.enumerated() {
                try writer.appendRow { row in
                    try row.append(id)
                    try row.append(date)
                }
            }
        }
        let stored = try connection.query("SELECT ts::text FROM d ORDER BY id").map {
            try $0.decode(String.self, at: 0)
        }
        #expect(
            stored == [
                "1969-07-20 20:17:40.123456+00", "1900-01-01 00:00:00+00", "1969-12-31 23:59:59.999999+00",
                "2026-03-04 10:00:00.5+00",
            ])
    }

    @Test func everyByteValueArrivesInBytea() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try copyTrickyRows(connection)
        let rows = try connection.query("SELECT id, raw, length(raw), md5(raw) FROM t ORDER BY id")
        for row in rows {
            let id = try row.decode(Int.self, at: 0)
            #expect(try row.decodeIfPresent([UInt8].self, at: 1) == rowValues(id % 1000).bytes, "row \(id)")
        }
        let full = try #require(rows.first)
        #expect(try full.decode(Int.self, at: 2) == 256)
        // md5 of the bytes 0x00…0xff, computed independently.
        #expect(try full.decode(String.self, at: 3) == "e2c865db4162bed963bfaa9ef6ac18f0")
    }

    @Test func nulInTextIsRefusedWithNothingWritten() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE n (id int, txt text)")
        let typed = try #require(throws: PostgresError.self) {
            _ = try connection.copyIn(table: "n", columns: ["id", "txt"]) { writer in
                try writer.appendRow { row in
                    try row.append(1)
                    try row.append("a\u{0}b")
                }
            }
        }
        #expect(typed.code == SQLState("22021"))
        let legacy = try #require(throws: PostgresError.self) {
            _ = try connection.copyIn(table: "n", columns: ["id", "txt"]) { writer in
                try writer.appendRow([1, "ok"])
                try writer.appendRow([2, "a\u{0}b"[...]])
            }
        }
        #expect(legacy.code == SQLState("22021"))
        #expect(try connection.query("SELECT count(*) FROM n")[0].decode(Int.self, at: 0) == 0)
    }

    @Test func aRefusedRowLeavesNoPartOfItselfBehind() throws {
        let (connection, _) = try TestCluster.shared.connect()
        try connection.executeScript("CREATE TABLE p (id int, txt text)")
        let copied = try connection.copyIn(table: "p", columns: ["id", "txt"]) { writer in
            try writer.appendRow([1, "before"])
            // Each refused row is caught; had its first field stayed in the buffer, the next row would
            // be glued to it and the server would refuse the COPY.
            #expect(throws: PostgresError.self) {
                try writer.appendRow { row in
                    try row.append(2)
                    try row.append("bad\u{0}")
                }
            }
            #expect(throws: PostgresError.self) { try writer.appendRow([3, "nul\u{0}"]) }
            let wrongCount = try #require(throws: PostgresError.self) {
                try writer.appendRow { row in try row.append(4) }
            }
            #expect(wrongCount.code == .badCopyFileFormat)
            try writer.appendRow { row in
                try row.append(5)
                try row.append("after")
            }
        }
        #expect(copied == 2)
        let stored = try connection.query("SELECT id, txt FROM p ORDER BY id").map {
            "\(try $0.decode(Int.self, at: 0)) \(try $0.decode(String.self, at: 1))"
        }
        #expect(stored == ["1 before", "5 after"])
    }
}
