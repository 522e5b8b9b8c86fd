import Demo
import Domain
import Foundation
import Testing

@Suite struct DeterminismTests {
    @Test func sameSeedGivesIdenticalRowsAndFiles() throws {
        let first = try standardWorld.get()
        let second = try GeneratedWorld.make(seed: standardSeed)
        #expect(first.hash == second.hash)
        #expect(first.summary.counts == second.summary.counts)
        let firstFiles = try first.inboxDigest()
        let secondFiles = try second.inboxDigest()
        #expect(firstFiles.count == first.summary.coaFiles)
        #expect(firstFiles == secondFiles)
        try? FileManager.default.removeItem(at: second.inbox)
    }

    @Test func differentSeedGivesDifferentWorld() throws {
        let first = try standardWorld.get()
        let other = try GeneratedWorld.make(seed: standardSeed &+ 1)
        #expect(first.hash != other.hash)
        // Different draws, but the same cast: story ids are positions, not draws.
        #expect(first.summary.stories == other.summary.stories)
        #expect(try first.rows("suppliers").map { $0["name"] } != other.rows("suppliers").map { $0["name"] })
        try? FileManager.default.removeItem(at: other.inbox)
    }

    @Test func differentAsOfShiftsTheHistory() throws {
        let first = try standardWorld.get()
        let later = try GeneratedWorld.make(seed: standardSeed, asOf: demoAsOf.advanced(by: 30))
        #expect(first.hash != later.hash)
        let lastReceipt = try later.rows("receipts").compactMap { $0["received_at"].flatMap { $0?.day } }
            .max()
        #expect(lastReceipt == demoAsOf.advanced(by: 30) || lastReceipt == demoAsOf.advanced(by: 29))
        try? FileManager.default.removeItem(at: later.inbox)
    }
}
