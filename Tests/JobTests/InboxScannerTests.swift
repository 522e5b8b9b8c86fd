import Foundation
import Testing

@testable import Job

/// The inbox listing and the file reader the intake uses (POSIX calls; no database).
@Suite struct InboxScannerTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("inbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func listsCompleteFilesInSupplierFoldersSorted() throws {
        let inbox = try Self.folder()
        defer { try? FileManager.default.removeItem(at: inbox) }
        try Self.write("<b/>", to: "SUP-B/b.xml", in: inbox)
        try Self.write("<a1/>", to: "SUP-A/2026/05/a1.xml", in: inbox)
        try Self.write("<a/>", to: "SUP-A/a.xml", in: inbox)
        try Self.write("<s/>", to: "stray.xml", in: inbox)
        for skipped in [
            "SUP-A/.hidden.xml", "SUP-A/up.xml.part", "SUP-A/up.xml.tmp", "SUP-A/up.xml.partial",
            ".hidden-folder/x.xml", "SUP-A/.git/y.xml",
        ] {
            try Self.write("<no/>", to: skipped, in: inbox)
        }
        try FileManager.default.createSymbolicLink(
            atPath: inbox.appendingPathComponent("SUP-A/link.xml").path,
            withDestinationPath: inbox.appendingPathComponent("SUP-A/a.xml").path)
        try FileManager.default.createSymbolicLink(
            atPath: inbox.appendingPathComponent("SUP-L").path,
            withDestinationPath: inbox.appendingPathComponent("SUP-A").path)
        let arrival = Date(timeIntervalSince1970: 1_780_000_000.25)
        try FileManager.default.setAttributes(
            [.modificationDate: arrival], ofItemAtPath: inbox.appendingPathComponent("SUP-A/a.xml").path)

        let entries = try InboxScanner(inbox: inbox).entries()
        #expect(
            entries.map(\.relativePath) == [
                "SUP-A/2026/05/a1.xml", "SUP-A/a.xml", "SUP-B/b.xml", "stray.xml",
            ])
        #expect(entries.map(\.supplierFolder) == ["SUP-A", "SUP-A", "SUP-B", nil])
        #expect(entries.map(\.size) == [5, 4, 4, 4])
        let a = try #require(entries.first { $0.relativePath == "SUP-A/a.xml" })
        #expect(abs((a.modified?.timeIntervalSince1970 ?? 0) - 1_780_000_000.25) < 1e-6)
        #expect(a.name == Array("a.xml".utf8))
        #expect(a.identity.size == 4)
    }

    /// Names are bytes to the file system: one that is not UTF-8 is listed under its escaped form.
    @Test func aNameThatIsNotUTF8IsListedPercentEscaped() throws {
        let inbox = try Self.folder()
        defer { try? FileManager.default.removeItem(at: inbox) }
        try Self.write("<a/>", to: "SUP-A/ok.xml", in: inbox)
        let folder = inbox.appendingPathComponent("SUP-A").path
        for name: [UInt8] in [Array("bad".utf8) + [0xFF] + Array("%.xml".utf8), [0xC3, 0x28, 0x2E, 0x78]] {
            let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name
            let descriptor = open(InboxOpen.cName(path), O_WRONLY | O_CREAT | O_EXCL, 0o644)
            #expect(descriptor >= 0)
            close(descriptor)
        }
        let entries = try InboxScanner(inbox: inbox).entries()
        #expect(entries.map(\.relativePath) == ["SUP-A/%C3(.x", "SUP-A/bad%FF%25.xml", "SUP-A/ok.xml"])
        #expect(entries.dropFirst().first?.name == Array("bad".utf8) + [0xFF] + Array("%.xml".utf8))
    }

    @Test func onlyRegularFilesAreListed() throws {
        let inbox = try Self.folder()
        defer { try? FileManager.default.removeItem(at: inbox) }
        try Self.write("<a/>", to: "SUP-A/a.xml", in: inbox)
        #expect(mkfifo(inbox.appendingPathComponent("SUP-A/fifo.xml").path, 0o644) == 0)
        #expect(InboxRaceTests.bindSocket(at: inbox.appendingPathComponent("SUP-A/socket.xml").path))
        #expect(symlink("/dev/zero", inbox.appendingPathComponent("SUP-A/zero.xml").path) == 0)
        #expect(try InboxScanner(inbox: inbox).entries().map(\.relativePath) == ["SUP-A/a.xml"])
    }

    @Test func aShardListsOnlyItsSupplierFolders() throws {
        let inbox = try Self.folder()
        defer { try? FileManager.default.removeItem(at: inbox) }
        try Self.write("a", to: "SUP-A/2026/a.xml", in: inbox)
        try Self.write("b", to: "SUP-B/b.xml", in: inbox)
        try Self.write("s", to: "stray.xml", in: inbox)
        let listing = try InboxScanner(inbox: inbox, supplierFolders: { $0 == "SUP-A" }).scan()
        #expect(listing.entries.map(\.relativePath) == ["SUP-A/2026/a.xml"])
        #expect(try InboxScanner(inbox: inbox, supplierFolders: { _ in false }).entries().isEmpty)
    }

    /// root opens any folder, so the unreadable case can only be shown as another user.
    @Test(.enabled(if: geteuid() != 0)) func anUnreadableFolderIsNamedAndTheRestListed() throws {
        let inbox = try Self.folder()
        let locked = inbox.appendingPathComponent("SUP-X/2026")
        defer {
            chmod(locked.path, 0o755)
            try? FileManager.default.removeItem(at: inbox)
        }
        try Self.write("a", to: "SUP-A/a.xml", in: inbox)
        try Self.write("x", to: "SUP-X/2026/x.xml", in: inbox)
        #expect(chmod(locked.path, 0) == 0)
        let listing = try InboxScanner(inbox: inbox).scan()
        #expect(listing.entries.map(\.relativePath) == ["SUP-A/a.xml"])
        #expect(listing.unreadableFolders == ["SUP-X/2026"])
    }

    /// A file that refuses to be read is still the file listed: recorded as unreadable, not skipped.
    @Test(.enabled(if: geteuid() != 0)) func aFileWithoutReadPermissionIsReportedUnreadable() throws {
        let inbox = try Self.folder()
        defer { try? FileManager.default.removeItem(at: inbox) }
        try Self.write("<a/>", to: "SUP-A/locked.xml", in: inbox)
        #expect(chmod(inbox.appendingPathComponent("SUP-A/locked.xml").path, 0) == 0)
        let listing = try InboxScanner(inbox: inbox).scan()
        let reader = InboxReader(listing: listing, entries: listing.entries, limit: 1024)
        guard let entry = listing.entries.first, case .unreadable = reader.read(entry) else {
            Issue.record("not reported unreadable")
            return
        }
    }

    @Test func aMissingInboxIsAUsageError() {
        let missing = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")
        #expect(throws: JobError.self) { try InboxScanner(inbox: missing).entries() }
    }

    @Test func readsWholeFilesOfAnySizeThroughTheirFolder() throws {
        let inbox = try Self.folder()
        defer { try? FileManager.default.removeItem(at: inbox) }
        var expected: [String: [UInt8]] = [:]
        for size in [0, 1, 4095, 4096, 4097, 300_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 7) }
            let url = inbox.appendingPathComponent("SUP-A/deep/f\(size)")
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            expected["SUP-A/deep/f\(size)"] = bytes
        }
        let listing = try InboxScanner(inbox: inbox).scan()
        let reader = InboxReader(listing: listing, entries: listing.entries, limit: 1 << 20)
        for entry in listing.entries {
            guard case .read(let bytes) = reader.read(entry) else {
                Issue.record("\(entry.relativePath) not read")
                continue
            }
            #expect(bytes == expected[entry.relativePath], "\(entry.relativePath)")
        }
        #expect(listing.entries.count == expected.count)
    }
}
