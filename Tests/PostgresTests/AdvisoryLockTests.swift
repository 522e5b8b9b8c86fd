import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct AdvisoryLockTests {
    @Test func lockHeldByOneConnectionIsRefusedToAnotherUntilClose() throws {
        let (first, conninfo) = try TestCluster.shared.connect()
        let second = try PostgresConnection(conninfo, logger: TestCluster.quietLogger)
        // Advisory locks are cluster-wide: a key of our own avoids other tests in parallel.
        let key = Int64.random(in: 1_000_000...Int64.max)
        #expect(try first.tryAdvisoryLock(key))
        #expect(try !second.tryAdvisoryLock(key))
        try first.advisoryUnlock(key)
        #expect(try second.tryAdvisoryLock(key))
        #expect(try !first.tryAdvisoryLock(key))
        let secondProcess = Int(second.backendProcessID)
        second.close()
        // The server ends the session asynchronously; it releases session locks before the backend leaves
        // pg_stat_activity, so wait for that (up to 30 s) and then expect the lock to be free.
        for _ in 0..<3000 {
            let alive = try first.query(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = $1", [secondProcess])
            if try alive[0].decode(Int.self, at: 0) == 0 { break }
            usleep(10_000)
        }
        #expect(try first.tryAdvisoryLock(key))
        let notHeld = try #require(throws: PostgresError.self) { try first.advisoryUnlock(key &- 1) }
        #expect(notHeld.code == .prerequisiteStateNotMet)
    }
}

@Suite struct SharedAdvisoryLockTests {
    @Test func sharedHoldersCoexistAndExcludeAnExclusiveHolder() throws {
        let (first, conninfo) = try TestCluster.shared.connect()
        defer { first.close() }
        let second = try PostgresConnection(conninfo, logger: TestCluster.quietLogger)
        defer { second.close() }
        let third = try PostgresConnection(conninfo, logger: TestCluster.quietLogger)
        defer { third.close() }
        let key = Int64.random(in: 1_000_000...Int64.max)
        #expect(try first.tryAdvisoryLockShared(key))
        #expect(try second.tryAdvisoryLockShared(key))
        #expect(try !third.tryAdvisoryLock(key), "exclusive while two share it")
        try first.advisoryUnlockShared(key)
        #expect(try !third.tryAdvisoryLock(key), "exclusive while one still shares it")
        try second.advisoryUnlockShared(key)
        #expect(try third.tryAdvisoryLock(key))
        #expect(try !first.tryAdvisoryLockShared(key), "shared while another holds it exclusively")
        try third.advisoryUnlock(key)
        #expect(try first.tryAdvisoryLockShared(key))
        // Releasing a shared lock this session does not share is an error, as for exclusive locks.
        let notHeld = try #require(throws: PostgresError.self) { try second.advisoryUnlockShared(key) }
        #expect(notHeld.code == .prerequisiteStateNotMet)
    }
}
