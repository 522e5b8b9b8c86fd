import Logging
import Postgres
import TestSupport
import Testing

@Suite struct NoticeTests {
    @Test func serverNoticesReachTheLogger() throws {
        let (logger, records) = InMemoryLogHandler.logger()
        let (connection, _) = try TestCluster.shared.connect(logger: logger)
        try connection.executeScript(
            "DO $$ BEGIN RAISE NOTICE 'lot % accepted', 'L-7'; RAISE WARNING 'late CoA' USING HINT = 'ask'; END $$"
        )
        let entries = records.entries
        let notice = try #require(entries.first { $0.message == "lot L-7 accepted" })
        #expect(notice.level == .notice)
        #expect(notice.metadata["postgres.sqlstate"] == "00000")
        let warning = try #require(entries.first { $0.message == "late CoA" })
        #expect(warning.level == .warning)
        #expect(warning.metadata["postgres.hint"] == "ask")
    }
}
