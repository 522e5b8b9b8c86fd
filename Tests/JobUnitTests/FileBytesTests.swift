import Domain
import Foundation
import Testing

@testable import Job

/// The capped reader: never more than one byte past what was expected or allowed.
@Suite struct FileBytesTests {
    static func file(_ bytes: [UInt8]) throws -> (URL, Int32) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bytes-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        return (url, open(url.path, O_RDONLY))
    }

    @Test func aFileOfTheExpectedSizeIsReadWhole() throws {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0) }
        let (url, descriptor) = try Self.file(bytes)
        defer {
            close(descriptor)
            try? FileManager.default.removeItem(at: url)
        }
        guard case .whole(let read) = FileBytes.read(descriptor, expectedSize: bytes.count, limit: 20_000)
        else {
            Issue.record("not read whole")
            return
        }
        #expect(read == bytes)
    }

    @Test func aFileLongerOrShorterThanExpectedIsReportedNotRead() throws {
        let (url, descriptor) = try Self.file(Array(repeating: 0x41, count: 5_000))
        defer {
            close(descriptor)
            try? FileManager.default.removeItem(at: url)
        }
        guard case .changedSize = FileBytes.read(descriptor, expectedSize: 100, limit: 20_000) else {
            Issue.record("a longer file was not reported")
            return
        }
        lseek(descriptor, 0, SEEK_SET)
        guard case .changedSize = FileBytes.read(descriptor, expectedSize: 6_000, limit: 20_000) else {
            Issue.record("a shorter file was not reported")
            return
        }
    }

    @Test func anOversizedFileIsHashedOverLimitPlusOneBytesOnly() throws {
        let bytes = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let (url, descriptor) = try Self.file(bytes)
        defer {
            close(descriptor)
            try? FileManager.default.removeItem(at: url)
        }
        let limit = (1 << 20) + 17
        guard
            case .tooLarge(let sha256, let prefix) = FileBytes.read(
                descriptor, expectedSize: bytes.count, limit: limit)
        else {
            Issue.record("not too large")
            return
        }
        #expect(sha256 == SHA256.hex(of: bytes.prefix(limit + 1)))
        #expect(prefix == Array(bytes.prefix(FileBytes.prefixKept)))
        // Exactly limit + 1 bytes were consumed.
        #expect(lseek(descriptor, 0, SEEK_CUR) == off_t(limit + 1))
    }

    @Test func checkCoAReadsOnlyRegularFiles() {
        #expect(FileBytes.read(path: "/dev/zero", limit: 1024) == nil)
        #expect(FileBytes.read(path: "/tmp", limit: 1024) == nil)
        #expect(FileBytes.read(path: "/nonexistent-\(UUID().uuidString)", limit: 1024) == nil)
    }
}
