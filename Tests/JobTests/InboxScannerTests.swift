import Foundation
import Testing

@testable import Job

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct InboxScannerTests {
    private func makeInbox() throws -> URL {
        let inbox = FileManager.default.temporaryDirectory
            .appendingPathComponent("inbox-scan-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        return inbox
    }

    private func write(_ inbox: URL, _ relative: String, _ text: String) throws {
        let url = inbox.appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func listsUploadsInPathOrderAndSkipsWhatIsNotAFinishedUpload() throws {
        let inbox = try makeInbox()
        defer { try? FileManager.default.removeItem(at: inbox) }
        try write(inbox, "SUP-B/b.xml", "bb")
        try write(inbox, "SUP-A/2026/05/a2.xml", "a2a2a2")
        try write(inbox, "SUP-A/a1.xml", "a")
        try write(inbox, "stray.xml", "s")
        try write(inbox, "SUP-A/upload.xml.part", "<half")
        try write(inbox, "SUP-A/upload.xml.partial", "<half")
        try write(inbox, "SUP-A/upload.xml.tmp", "<half")
        try write(inbox, "SUP-A/.hidden.xml", "h")
        try write(inbox, ".staging/SUP-C/c.xml", "c")
        try write(inbox, "SUP-A/.cache/d.xml", "d")
        try FileManager.default.createSymbolicLink(
            atPath: inbox.appendingPathComponent("SUP-A/link.xml").path,
            withDestinationPath: inbox.appendingPathComponent("SUP-A/a1.xml").path)
        try FileManager.default.createSymbolicLink(
            atPath: inbox.appendingPathComponent("SUP-D").path,
            withDestinationPath: inbox.appendingPathComponent("SUP-B").path)

        let listing = try InboxScanner(inbox: inbox).scan()
        #expect(
            listing.entries.map(\.relativePath) == [
                "SUP-A/2026/05/a2.xml", "SUP-A/a1.xml", "SUP-B/b.xml", "stray.xml",
            ])
        #expect(listing.entries.map(\.supplierFolder) == ["SUP-A", "SUP-A", "SUP-B", nil])
        #expect(listing.entries.map(\.size) == [6, 1, 2, 1])
        #expect(listing.entries[1].path == inbox.standardizedFileURL.path + "/SUP-A/a1.xml")
        #expect(listing.unreadableFolders.isEmpty)
    }

    @Test func aShardListsOnlyItsSupplierFolders() throws {
        let inbox = try makeInbox()
        defer { try? FileManager.default.removeItem(at: inbox) }
        try write(inbox, "SUP-A/2026/a.xml", "a")
        try write(inbox, "SUP-B/b.xml", "b")
        try write(inbox, "stray.xml", "s")
        let listing = try InboxScanner(inbox: inbox, supplierFolders: { $0 == "SUP-A" }).scan()
        #expect(listing.entries.map(\.relativePath) == ["SUP-A/2026/a.xml"])
        let none = try InboxScanner(inbox: inbox, supplierFolders: { _ in false }).scan()
        #expect(none.entries.isEmpty)
    }

    @Test func keepsTheModificationTimeToTheMicrosecond() throws {
        let inbox = try makeInbox()
        defer { try? FileManager.default.removeItem(at: inbox) }
        try write(inbox, "SUP-A/a.xml", "a")
        var times = [
            timespec(tv_sec: 1_780_000_000, tv_nsec: 123_456_789),
            timespec(tv_sec: 1_780_000_000, tv_nsec: 123_456_789),
        ]
        #expect(utimensat(AT_FDCWD, inbox.appendingPathComponent("SUP-A/a.xml").path, &times, 0) == 0)
        let entry = try #require(try InboxScanner(inbox: inbox).entries().first)
        let modified = try #require(entry.modified)
        #expect(abs(modified.timeIntervalSince1970 - 1_780_000_000.123456789) < 1e-6)
    }

    @Test func aMissingInboxIsAUsageError() throws {
        let inbox = try makeInbox()
        try FileManager.default.removeItem(at: inbox)
        #expect(throws: JobError.self) { try InboxScanner(inbox: inbox).scan() }
        let file = try makeInbox().appendingPathComponent("file.xml")
        try Data("x".utf8).write(to: file)
        #expect(throws: JobError.self) { try InboxScanner(inbox: file).scan() }
    }

    /// root reads any folder, so the unreadable case can only be shown as another user.
    @Test(.enabled(if: geteuid() != 0)) func anUnreadableSupplierFolderIsNamedAndTheRestListed() throws {
        let inbox = try makeInbox()
        defer {
            chmod(inbox.appendingPathComponent("SUP-X").path, 0o755)
            try? FileManager.default.removeItem(at: inbox)
        }
        try write(inbox, "SUP-A/a.xml", "a")
        try write(inbox, "SUP-X/x.xml", "x")
        #expect(chmod(inbox.appendingPathComponent("SUP-X").path, 0) == 0)
        let listing = try InboxScanner(inbox: inbox).scan()
        #expect(listing.entries.map(\.relativePath) == ["SUP-A/a.xml"])
        #expect(listing.unreadableFolders == ["SUP-X"])
    }
}
