import Foundation
import Postgres
import Testing

/// The in-place fast paths must agree with the String path on everything the server prints, and leave
/// everything else (errors included) to it.
@Suite struct BytesDecodingTests {
    /// Calls `body` with the text's bytes followed by a NUL, as libpq holds a value.
    private func withValue<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let bytes = Array(text.utf8) + [0]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0.dropLast())) }
    }

    @Test(arguments: [
        ("0", Int64(0)), ("-1", -1), ("+7", 7), ("9223372036854775807", Int64.max),
        ("-9223372036854775808", Int64.min), ("0042", 42),
    ])
    func integers(_ text: String, _ expected: Int64) {
        #expect(withValue(text) { Int64.decode(postgresBytes: $0) } == expected)
        #expect(withValue(text) { Int.decode(postgresBytes: $0) } == Int(expected))
    }

    @Test(arguments: [
        "", "-", "+", "9223372036854775808", "-9223372036854775809", "1.5", "12a", " 1", "1 ", "٣",
    ])
    func integersLeaveOtherTextToTheStringPath(_ text: String) {
        #expect(withValue(text) { Int64.decode(postgresBytes: $0) } == nil)
        #expect((try? Int64(postgresText: text)) == nil)
    }

    @Test func int32RangeIsChecked() {
        #expect(withValue("2147483647") { Int32.decode(postgresBytes: $0) } == Int32.max)
        #expect(withValue("2147483648") { Int32.decode(postgresBytes: $0) } == nil)
        #expect(throws: PostgresDecodingError.self) { try Int32(postgresText: "2147483648") }
    }

    @Test func doublesReadBackBitForBit() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [
            0, -0.0, 0.1, 1.0 / 3, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 99.62, -12.5e-7,
        ]
        for _ in 0..<2_000 { values.append(Double(bitPattern: generator.next())) }
        var mismatches: [String] = []
        for value in values where value.isFinite {
            let text = value.postgresText
            let decoded = withValue(text) { Double.decode(postgresBytes: $0) }
            if decoded?.bitPattern != value.bitPattern { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        // The server's own spellings of a float8.
        #expect(withValue("1e-07") { Double.decode(postgresBytes: $0) } == 1e-7)
        #expect(withValue("-1.5E+20") { Double.decode(postgresBytes: $0) } == -1.5e20)
    }

    @Test(arguments: ["NaN", "Infinity", "-Infinity", "inf", "nan", "0x1p3", "", "1.5x", "1..5", "--1", " 1"])
    func doublesLeaveSpecialAndMalformedTextToTheStringPath(_ text: String) {
        #expect(withValue(text) { Double.decode(postgresBytes: $0) } == nil)
    }

    @Test func booleans() {
        #expect(withValue("t") { Bool.decode(postgresBytes: $0) } == true)
        #expect(withValue("f") { Bool.decode(postgresBytes: $0) } == false)
        #expect(withValue("true") { Bool.decode(postgresBytes: $0) } == nil)
    }
}
