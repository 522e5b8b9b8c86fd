import Foundation
import Testing

@testable import Postgres

/// COPY text written straight into bytes must be exactly `postgresText`, escaped. No server needed.
@Suite struct CopyTextTests {
    private func copyText(_ value: some PostgresEncodable) throws -> String {
        var buffer: [UInt8] = []
        try value.appendCopyText(to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    private struct Custom: PostgresEncodable {
        var postgresText: String { "a\tb\\c" }
    }

    @Test func textIsEscapedOnlyWhereNeeded() throws {
        #expect(try copyText("a\tb\\c\nd\re") == "a\\tb\\\\c\\nd\\re")
        #expect(try copyText("Grüße 東京 🧪") == "Grüße 東京 🧪")
        #expect(try copyText("bell\u{07}") == "bell\u{07}")
        #expect(try copyText("") == "")
        #expect(try copyText("x\\"[...]) == "x\\\\")
        #expect(try copyText(Custom()) == "a\\tb\\\\c")
        let error = try #require(throws: PostgresError.self) { try copyText("a\u{0}b") }
        #expect(error.code == SQLState("22021"))
        #expect(throws: PostgresError.self) { try copyText("a\u{0}b"[...]) }
    }

    @Test func integersAreWrittenDigitByDigit() throws {
        #expect(try copyText(Int.min) == "-9223372036854775808")
        #expect(try copyText(Int.max) == "9223372036854775807")
        #expect(try copyText(Int64.min) == "-9223372036854775808")
        #expect(try copyText(Int32.min) == "-2147483648")
        #expect(try copyText(Int32.max) == "2147483647")
        #expect(try copyText(0) == "0")
        #expect(try copyText(-7) == "-7")
        #expect(try copyText(1_000_000) == "1000000")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let value = Int.random(in: .min ... .max, using: &generator) >> Int.random(in: 0..<63)
            #expect(try copyText(value) == String(value))
        }
    }

    @Test func doublesAreTheShortestRoundTripText() throws {
        #expect(try copyText(0.1) == "0.1")
        #expect(try copyText(-0.0) == "-0.0")
        #expect(try copyText(Double.leastNonzeroMagnitude) == "5e-324")
        #expect(try copyText(1.7976931348623157e308) == "1.7976931348623157e+308")
        #expect(try copyText(Double.nan) == "NaN")
        #expect(try copyText(-Double.infinity) == "-Infinity")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            // Any bit pattern, and decimals as certificates report them.
            let any = Double(bitPattern: UInt64.random(in: 0 ... .max, using: &generator))
            let decimal = Double(Int.random(in: -1_000_000...1_000_000)) / 1000
            for value in [any, decimal] {
                let text = try copyText(value)
                #expect(text == value.postgresText)
                if value.isFinite { #expect(Double(text)?.bitPattern == value.bitPattern) }
            }
        }
    }

    @Test func datesAndBytesAsTheirPostgresText() throws {
        #expect(try copyText(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
        #expect(
            try copyText(Date(timeIntervalSince1970: 1_772_618_400.000_001)) == "2026-03-04T10:00:00.000001Z")
        for seconds in stride(from: -62_135_596_800.0, to: 253_402_300_799, by: 7_777_777.123_457) {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(try copyText(date) == date.postgresText)
        }
        #expect(try copyText(true) == "t")
        #expect(try copyText(false) == "f")
        // In COPY text the backslash of bytea's `\x` is doubled; the hex digits need nothing.
        #expect(try copyText([0x00, 0xFF, 0x10, 0xAB] as [UInt8]) == "\\\\x00ff10ab")
        #expect(try copyText([] as [UInt8]) == "\\\\x")
    }
}
