import Foundation
import TestSupport
import Testing

@testable import Job

#if canImport(Glibc)
    import Glibc
#endif

/// The rename race, played by a hook between the intake's listing and its reading: whatever is swapped
/// in is never read, stored or quoted, nothing hangs, and the night goes on.
@Suite struct InboxRaceTests {
    @Test func aFileSwappedForALinkToASecretIsNotRead() throws {
        let race = try InboxRace()
        let (summary, records) = try race.run { race.linkTarget(to: race.secretFile.path) }
        try race.expectTheRunWentOn(summary)
        try race.expectTargetWaits(records)
        try race.expectNowhere(race.secretText, records)
    }

    @Test func aParentFolderSwappedForALinkToEtcIsNotEntered() throws {
        let race = try InboxRace()
        try race.fixture.writeInbox("SUP-A/etc/passwd", CoAIntakeTests.canonical(lot: "A3"))
        let folder = race.fixture.inbox.appendingPathComponent("SUP-A/etc")
        let (summary, records) = try race.run {
            #expect(rename(folder.path, folder.path + "-moved") == 0)
            #expect(symlink("/etc", folder.path) == 0)
        }
        try race.expectTheRunWentOn(summary)
        #expect(
            try race.fixture.scalar(
                "SELECT count(*) FROM scorecard_store.coa_documents WHERE path = 'SUP-A/etc/passwd'",
                as: Int.self) == 0)
        #expect(records.entries.contains { $0.metadata["coa.file"]?.description == "SUP-A/etc/passwd" })
        try race.expectNowhere("root:x:0:0", records)
    }

    @Test func aParentFolderReplacedByAnotherFolderIsNotRead() throws {
        let race = try InboxRace()
        try race.fixture.writeInbox("SUP-A/2026/a.xml", CoAIntakeTests.canonical(lot: "A3"))
        let folder = race.fixture.inbox.appendingPathComponent("SUP-A/2026")
        let impostor = race.fixture.directory.appendingPathComponent("impostor")
        try FileManager.default.createDirectory(at: impostor, withIntermediateDirectories: true)
        try Data("<x>\(race.secretText)</x>".utf8).write(to: impostor.appendingPathComponent("a.xml"))
        let (summary, records) = try race.run {
            #expect(rename(folder.path, folder.path + "-moved") == 0)
            #expect(rename(impostor.path, folder.path) == 0)
        }
        try race.expectTheRunWentOn(summary)
        try race.expectNowhere(race.secretText, records)
        #expect(
            try race.fixture.scalar(
                "SELECT count(*) FROM scorecard_store.coa_documents WHERE path = 'SUP-A/2026/a.xml'",
                as: Int.self) == 0)
    }

    @Test func aFileRenamedOverByAnotherIsNotRead() throws {
        let race = try InboxRace()
        let other = race.fixture.inbox.appendingPathComponent("SUP-A/.incoming")
        try Data("<x>\(race.secretText)</x>".utf8).write(to: other)
        let (summary, records) = try race.run { #expect(rename(other.path, race.target.path) == 0) }
        try race.expectTheRunWentOn(summary)
        try race.expectTargetWaits(records)
        try race.expectNowhere(race.secretText, records)
    }

    /// A FIFO opened without O_NONBLOCK waits for a writer forever, holding the run lock.
    @Test func aFileReplacedByAFIFODoesNotHang() throws {
        let race = try InboxRace()
        let finished = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Thread.detachNewThread {
            outcome.set {
                try race.run {
                    unlink(race.target.path)
                    #expect(mkfifo(race.target.path, 0o644) == 0)
                }
            }
            finished.signal()
        }
        let ended = finished.wait(timeout: .now() + 120) == .success
        if !ended {
            // Release a reader blocked in open() so the suite can end; the test has failed already.
            let writer = open(race.target.path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            finished.wait()
        }
        #expect(ended, "the run waited on the FIFO")
        let (summary, records) = try outcome.get()
        try race.expectTheRunWentOn(summary)
        try race.expectTargetWaits(records)
    }

    @Test func aLinkToDevZeroASocketAndADeviceAreNotRead() throws {
        for swap in ["link to /dev/zero", "socket", "device"] {
            let race = try InboxRace()
            let peakBefore = InboxRace.peakKiB()
            let (summary, records) = try race.run {
                unlink(race.target.path)
                switch swap {
                case "link to /dev/zero": #expect(symlink("/dev/zero", race.target.path) == 0)
                case "socket": #expect(Self.bindSocket(at: race.target.path))
                // /dev/zero's numbers (major 1, minor 5, as Linux packs them). Only root can make a device
                // node; as anyone else the target is simply gone.
                default: _ = mknod(race.target.path, S_IFCHR | 0o644, dev_t(0x105))
                }
            }
            try race.expectTheRunWentOn(summary)
            try race.expectTargetWaits(records)
            // /dev/zero read whole would have taken gigabytes before failing.
            #expect(InboxRace.peakKiB() - peakBefore < 512 * 1024, "\(swap)")
        }
    }

    @Test func aFileThatGrewAfterTheListingWaitsForTheNextNight() throws {
        let race = try InboxRace()
        let (summary, records) = try race.run {
            Self.append(Data("\n<!-- later -->\n".utf8), to: race.target)
        }
        try race.expectTheRunWentOn(summary)
        try race.expectTargetWaits(records)
        // The next night reads it as it now is.
        _ = try race.fixture.run(asOf: "2026-07-01")
        #expect(
            try race.fixture.scalar(
                "SELECT status FROM scorecard.coa_documents WHERE path = 'SUP-A/target.xml'", as: String.self)
                == "accepted")
    }

    @Test func aFileThatGrewPastTheLimitIsNeverReadWhole() throws {
        let race = try InboxRace()
        let limit = race.fixture.configuration().maxDocumentBytes
        let (summary, records) = try race.run {
            Self.append(Data(repeating: 0x41, count: 2 * limit), to: race.target)
        }
        try race.expectTheRunWentOn(summary)
        try race.expectTargetWaits(records)
        // Next night: rejected as too large, and only a short excerpt of it kept.
        _ = try race.fixture.run(asOf: "2026-07-01")
        let stored = try race.fixture.scalar(
            """
            SELECT status || ' ' || octet_length(raw) || ' ' || reason FROM scorecard_store.coa_documents
            WHERE path = 'SUP-A/target.xml'
            """, as: String.self)
        let parts = try #require(stored).split(separator: " ", maxSplits: 2)
        #expect(parts.first == "rejected")
        #expect((Int(parts[1]) ?? .max) <= 320)
        #expect(parts.last?.contains("over the \(limit)-byte limit (coa.max_bytes)") == true)
    }

    @Test func aSparseFortyGigabyteFileIsRejectedWithoutBeingRead() throws {
        let race = try InboxRace()
        let size: off_t = 40 << 30
        let sparse = race.fixture.inbox.appendingPathComponent("SUP-A/sparse.xml")
        #expect(FileManager.default.createFile(atPath: sparse.path, contents: nil))
        #expect(truncate(sparse.path, size) == 0)
        let peakBefore = InboxRace.peakKiB()
        let started = Date()
        // The target is made sparse after the listing as well: its size changed, it waits.
        let (summary, records) = try race.run { #expect(truncate(race.target.path, size) == 0) }
        let seconds = Date().timeIntervalSince(started)
        try race.expectTheRunWentOn(summary)
        try race.expectTargetWaits(records)
        let stored = try race.fixture.scalar(
            """
            SELECT status || ' ' || size_bytes || ' ' || octet_length(raw) FROM scorecard_store.coa_documents
            WHERE path = 'SUP-A/sparse.xml'
            """, as: String.self)
        #expect(stored?.hasPrefix("rejected \(size) ") == true)
        let rawLength = Int(stored?.split(separator: " ").last ?? "") ?? .max
        #expect(rawLength <= 320)
        let grown = InboxRace.peakKiB() - peakBefore
        print("40 GB sparse file: run \(String(format: "%.2f", seconds)) s, peak memory +\(grown / 1024) MiB")
        #expect(grown < 512 * 1024)
    }

    static func append(_ data: Data, to url: URL) {
        guard let handle = try? FileHandle(forWritingTo: url) else {
            Issue.record("cannot open \(url.path)")
            return
        }
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(data)
    }

    /// A unix socket bound at `path` (left open: the test process ends soon enough).
    static func bindSocket(at path: String) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return bound == 0
    }
}

/// The result of a run on another thread.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<(RunSummary, InMemoryLogHandler.Records), any Error>?

    func set(_ body: () throws -> (RunSummary, InMemoryLogHandler.Records)) {
        let value = Result { try body() }
        lock.withLock { result = value }
    }

    func get() throws -> (RunSummary, InMemoryLogHandler.Records) {
        guard let result = lock.withLock({ result }) else { throw FixtureError("the run did not end") }
        return try result.get()
    }
}
