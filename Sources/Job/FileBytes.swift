import Domain
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads an open regular file with a byte cap: `read` into one buffer, no `Data`, no URL, no zero-filling
/// and no copy (the intake reads a hundred thousand small files), and never more than one byte past
/// what the caller expects or allows.
enum FileBytes {
    enum Outcome: Sendable {
        /// Exactly `expectedSize` bytes, and then the end of the file.
        case whole([UInt8])
        /// The file holds more than `limit` bytes: the first `limit + 1` were hashed (the rest is never
        /// read), the first few kept for the record.
        case tooLarge(sha256: String, prefix: [UInt8])
        /// The file's length is not what was expected: it grew or shrank since it was measured.
        case changedSize
        /// A read failed (`errno`).
        case failed(Int32)
    }

    /// Bytes of an oversized file kept for its record (``RawExcerpt`` shows no more).
    static let prefixKept = 256
    /// Oversized files are hashed in pieces of this size: memory stays bounded whatever their size.
    static let hashChunk = 1 << 20

    /// Reads `descriptor` (a regular file measured at `expectedSize` bytes) up to `limit` bytes: at most
    /// `expectedSize + 1` bytes when it is within the limit (one more shows it grew), else `limit + 1`.
    static func read(_ descriptor: Int32, expectedSize: Int, limit: Int) -> Outcome {
        guard expectedSize <= limit else { return hashPrefix(descriptor, limit: limit) }
        // One byte more than the size: the read that meets the end then has room, and one buffer does.
        let room = expectedSize + 1
        var failure: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            failure = fill(descriptor, base, room, count: &count)
        }
        if let failure { return .failed(failure) }
        return bytes.count == expectedSize ? .whole(bytes) : .changedSize
    }

    /// Reads a file an operator named (`check-coa`): links are followed, but only a regular file is read,
    /// within the limit; nil when it cannot be opened or is not a regular file.
    static func read(path: String, limit: Int) -> Outcome? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let status = InboxOpen.status(descriptor), InboxOpen.isRegularFile(status) else { return nil }
        return read(descriptor, expectedSize: Int(truncatingIfNeeded: status.st_size), limit: limit)
    }

    /// Hashes the first `limit + 1` bytes in pieces; `.changedSize` when the file ends before.
    private static func hashPrefix(_ descriptor: Int32, limit: Int) -> Outcome {
        var hasher = SHA256()
        var prefix: [UInt8] = []
        var remaining = limit + 1
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: hashChunk)
        defer { chunk.deallocate() }
        while remaining > 0 {
            var count = 0
            if let failure = fill(descriptor, chunk, min(hashChunk, remaining), count: &count) {
                return .failed(failure)
            }
            guard count > 0 else { return .changedSize }
            let piece = UnsafeBufferPointer(start: chunk, count: count)
            hasher.update(piece)
            if prefix.count < prefixKept { prefix += piece.prefix(prefixKept - prefix.count) }
            remaining -= count
        }
        return .tooLarge(sha256: hasher.finalizeHex(), prefix: prefix)
    }

    /// Reads into `base` until `room` bytes or the end of the file; `count` says how many. Returns the
    /// `errno` of a failed read, nil otherwise.
    private static func fill(
        _ descriptor: Int32, _ base: UnsafeMutablePointer<UInt8>, _ room: Int, count: inout Int
    )
        -> Int32?
    {
        while count < room {
            let got = Glibc.read(descriptor, base + count, room - count)
            if got < 0 && errno == EINTR { continue }
            if got < 0 { return errno }
            if got == 0 { return nil }
            count += got
        }
        return nil
    }
}
