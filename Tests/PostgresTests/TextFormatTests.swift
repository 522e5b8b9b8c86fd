import Foundation
import Testing

@testable import Postgres

/// Text encodings and decodings that need no server.
@Suite struct TextFormatTests {
    @Test func doublesUsePostgresSpellingsForSpecialValues() throws {
        #expect(Double.nan.postgresText == "NaN")
        #expect(Double.infinity.postgresText == "Infinity")
        #expect((-Double.infinity).postgresText == "-Infinity")
        #expect(0.1.postgresText == "0.1")
        #expect(try Double(postgresText: "-Infinity") == -.infinity)
        #expect(try Double(postgresText: "123.4500") == 123.45)
        #expect(try Double(postgresText: "NaN").isNaN)
        #expect(throws: PostgresDecodingError.self) { try Double(postgresText: "inf") }
        #expect(throws: PostgresDecodingError.self) { try Double(postgresText: "") }
    }

    @Test func datesFormatAsUTCWithFractionalSeconds() {
        // 2026-03-04T10:00:00Z is 1_772_618_400 seconds after the Unix epoch.
        let date = Date(timeIntervalSince1970: 1_772_618_400.123)
        #expect(date.postgresText == "2026-03-04T10:00:00.123Z")
        #expect(
            Date(timeIntervalSince1970: 1_772_618_400.000_001).postgresText == "2026-03-04T10:00:00.000001Z")
        #expect(Date(timeIntervalSince1970: 0).postgresText == "1970-01-01T00:00:00.000Z")
        #expect(Date(timeIntervalSince1970: -1).postgresText == "1969-12-31T23:59:59.000Z")
        // 2000-02-29 (a leap day in a year divisible by 400) is day 11_016 after the epoch.
        #expect(Date(timeIntervalSince1970: 11_016 * 86_400).postgresText == "2000-02-29T00:00:00.000Z")
        #expect(Date(timeIntervalSinceReferenceDate: 1e300).postgresText == "infinity")
        #expect(Date(timeIntervalSinceReferenceDate: -.infinity).postgresText == "-infinity")
        #expect(Date.distantFuture.postgresText == "4001-01-01T00:00:00.000Z")
    }

    @Test func datesParseAsTheServerPrintsThem() throws {
        #expect(
            try Date(postgresText: "2026-03-04 10:00:00+00") == Date(timeIntervalSince1970: 1_772_618_400))
        let fractional = try Date(postgresText: "2026-03-04 10:00:00.123+00")
        #expect(abs(fractional.timeIntervalSince1970 - 1_772_618_400.123) < 0.000_001)
        #expect(
            try Date(postgresText: "2026-03-04 12:30:00+02:30") == Date(timeIntervalSince1970: 1_772_618_400))
        #expect(
            try Date(postgresText: "2026-03-04T10:00:00.000Z") == Date(timeIntervalSince1970: 1_772_618_400))
        #expect(try Date(postgresText: "2026-03-04") == Date(timeIntervalSince1970: 1_772_582_400))
        for bad in [
            "infinity", "2026-13-01 00:00:00+00", "2026-03-04 10:00", "0044-03-15 00:00:00+00 BC", "",
        ] {
            #expect(throws: PostgresDecodingError.self, "\(bad)") { try Date(postgresText: bad) }
        }
    }

    @Test func byteaUsesHexFormat() throws {
        #expect([UInt8]([0x00, 0x0A, 0xFF]).postgresText == "\\x000aff")
        #expect([UInt8]().postgresText == "\\x")
        #expect(try [UInt8](postgresText: "\\xDEadbeef") == [0xDE, 0xAD, 0xBE, 0xEF])
        #expect(throws: PostgresDecodingError.self) { try [UInt8](postgresText: "\\x0") }
        #expect(throws: PostgresDecodingError.self) { try [UInt8](postgresText: "\\xzz") }
        #expect(throws: PostgresDecodingError.self) { try [UInt8](postgresText: "abc") }
    }

    @Test func integersAndBooleansRejectOtherText() throws {
        #expect(try Int(postgresText: "-42") == -42)
        #expect(try Int64(postgresText: "9223372036854775807") == Int64.max)
        #expect(throws: PostgresDecodingError.self) { try Int32(postgresText: "2147483648") }
        #expect(throws: PostgresDecodingError.self) { try Int(postgresText: "12.5") }
        #expect(try Bool(postgresText: "t") == true)
        #expect(throws: PostgresDecodingError.self) { try Bool(postgresText: "yes") }
    }

    @Test func errorDescriptionGivesCodeMessageDetailAndHint() {
        var error = PostgresError(
            code: .uniqueViolation, message: "duplicate key value violates unique constraint \"t_pkey\"",
            detail: "Key (id)=(1) already exists.", hint: "Pick another id.")
        #expect(
            error.description
                == "ERROR 23505: duplicate key value violates unique constraint \"t_pkey\" "
                + "DETAIL: Key (id)=(1) already exists. HINT: Pick another id.")
        error.detail = nil
        error.hint = nil
        error.position = 8
        #expect(
            error.description
                == "ERROR 23505: duplicate key value violates unique constraint \"t_pkey\" (at character 8)")
    }

    @Test func emptyConninfoLeavesTheDatabaseToLibpqsEnvironment() {
        let empty = PostgresConnection.connectionParameters("")
        #expect(empty.keywords == ["fallback_application_name", "client_encoding"])
        #expect(empty.values == ["scorecard", "UTF8"])
        let url = PostgresConnection.connectionParameters("postgresql://u@h/db?client_encoding=LATIN1")
        #expect(url.keywords == ["dbname", "fallback_application_name", "client_encoding"])
        #expect(url.values == ["postgresql://u@h/db?client_encoding=LATIN1", "scorecard", "UTF8"])
    }

    @Test func sqlStateMatchesErrorsInCatchClauses() {
        func classify(_ error: any Error) -> String {
            do { throw error } catch SQLState.uniqueViolation { return "unique" } catch { return "other" }
        }
        #expect(classify(PostgresError(code: .uniqueViolation, message: "x")) == "unique")
        #expect(classify(PostgresError(code: .checkViolation, message: "x")) == "other")
        #expect(classify(CocoaError(.fileNoSuchFile)) == "other")
        #expect(SQLState.connectionFailure.isConnectionError)
        #expect(SQLState.adminShutdown.isConnectionError)
        #expect(SQLState("57P03").isConnectionError)
        #expect(!SQLState.queryCanceled.isConnectionError)
        #expect(!SQLState.uniqueViolation.isConnectionError)
    }
}
