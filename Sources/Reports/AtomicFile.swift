import Foundation
import ReportModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that readers see the old content or the new, never a half-written page:
/// write a hidden temporary file in the same folder, then `rename(2)` it over the target.
///
/// Plain `open`/`write`/`close`, no `fsync`: Foundation's `Data.write` syncs every file, which made
/// thousands of pages a night wait on the disk. A page lost to a power cut is rewritten from the stored
/// results by `scorecard render`; the rename still guarantees no reader ever sees half a page.
#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif

enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot write \(path): \(reason)" }
    }

    static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try writeNew(data, to: temporary.path)
        } catch {
            // A full disk leaves the temporary file half-written; it must not stay to fill it further.
            unlink(temporary.path)
            throw WriteError(path: url.path, reason: "\(error)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw WriteError(path: url.path, reason: reason)
        }
    }

    private struct SystemError: Error, CustomStringConvertible {
        var code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    private static func writeNew(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemError(code: errno) }
        var failure: Int32?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        // close reports a deferred write error (a full disk on some file systems): it counts.
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure { throw SystemError(code: failure) }
    }
}
