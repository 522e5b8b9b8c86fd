import Foundation
import ReportModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The reports folder procurement opens, published a whole set of pages at a time:
///
/// ```
/// DIR/index.html -> current/index.html      fixed links, made once: the addresses procurement keeps
/// DIR/suppliers  -> current/suppliers
/// DIR/materials  -> current/materials
/// DIR/current    -> .sets/<name>            switched by rename(2), which replaces a link atomically
/// DIR/.sets/<name>/...                      one folder per render; the current one and the one before it stay
/// ```
///
/// A render writes a new set beside the visible one and switches `current` only when every page is
/// written, so a reader sees the old set or the new one, never a mix. A render that dies leaves its set
/// unfinished and invisible; the next publish removes it.
public struct ReportFolder: Sendable {
    public let directory: URL

    static let setsFolder = ".sets"
    static let currentLink = "current"
    /// What procurement opens, each a link through `current`.
    static let fixedEntries = ["index.html", "glossary.html", "suppliers", "materials"]

    public init(_ directory: URL) {
        self.directory = directory
    }

    var sets: URL { directory.appendingPathComponent(Self.setsFolder, isDirectory: true) }

    /// The set `current` points at, if any.
    public var currentSet: URL? {
        guard let target = Self.linkTarget(directory.appendingPathComponent(Self.currentLink).path) else {
            return nil
        }
        return directory.appendingPathComponent(target, isDirectory: true).standardizedFileURL
    }

    /// Takes the folder's publishing lock (blocking: a second render waits for the first), so that two
    /// renders never remove each other's set. Held until ``PublishLock/release()`` or the process ends.
    public func lock() throws -> PublishLock {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try PublishLock(path: directory.appendingPathComponent(".publish.lock").path)
    }

    /// A new, empty set folder to render into; `label` (letters, digits, `-`) names it for people.
    public func newSet(label: String) throws -> URL {
        let stamp = ISO8601DateFormatter.string(
            from: Date(), timeZone: TimeZone(identifier: "UTC") ?? .current,
            formatOptions: [.withYear, .withMonth, .withDay, .withTime])
        let unique = UUID().uuidString.prefix(8).lowercased()
        let set = sets.appendingPathComponent("\(label)-\(stamp)-\(unique)", isDirectory: true)
        try FileManager.default.createDirectory(at: set, withIntermediateDirectories: true)
        return set
    }

    /// Makes `set` the visible one: switches `current` to it in one rename, makes the fixed links where
    /// missing, and removes every other set but the one it replaced.
    public func publish(_ set: URL) throws {
        let previous = currentSet
        try Self.replaceWithLink(
            directory.appendingPathComponent(Self.currentLink).path,
            target: "\(Self.setsFolder)/\(set.lastPathComponent)", in: directory)
        for entry in Self.fixedEntries {
            try fixLink(entry)
        }
        let keep = Set([set.lastPathComponent, previous?.lastPathComponent].compactMap { $0 })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: sets.path)) ?? []
        where !keep.contains(name) {
            // Best effort: a set left behind now goes next time.
            try? FileManager.default.removeItem(at: sets.appendingPathComponent(name))
        }
    }

    /// Removes a set that will not be published (its render failed).
    public func discard(_ set: URL) {
        try? FileManager.default.removeItem(at: set)
    }

    /// Makes `DIR/<entry>` a link to `current/<entry>`. What a folder written before sets existed has
    /// there (a page, a folder of pages) is moved into `.sets` first, where the next publish removes it.
    private func fixLink(_ entry: String) throws {
        let path = directory.appendingPathComponent(entry).path
        let target = "\(Self.currentLink)/\(entry)"
        if Self.linkTarget(path) == target { return }
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            // rename(2) cannot put a link over a folder: move the folder away, then link (once, on upgrade).
            let aside = sets.appendingPathComponent("legacy-\(entry)-\(UUID().uuidString.prefix(8))").path
            try Self.check(rename(path, aside), "cannot move \(path) aside")
        }
        try Self.replaceWithLink(path, target: target, in: directory)
    }

    /// Puts a symbolic link to `target` at `path` atomically: made under a temporary name, then renamed.
    static func replaceWithLink(_ path: String, target: String, in directory: URL) throws {
        let temporary = directory.appendingPathComponent(".link-\(UUID().uuidString).tmp").path
        try check(symlink(target, temporary), "cannot create a link at \(temporary)")
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ReportFolderError(description: "cannot switch \(path) to \(target): \(reason)")
        }
    }

    /// The target of the symbolic link at `path`; nil when there is none.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func check(_ result: Int32, _ what: String) throws {
        guard result == 0 else {
            throw ReportFolderError(description: "\(what): \(String(cString: strerror(errno)))")
        }
    }
}

/// A reports folder that could not be switched to a new set.
public struct ReportFolderError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// An exclusive `flock(2)` on a file of the reports folder; the kernel drops it when the process dies.
public final class PublishLock {
    private var descriptor: Int32

    init(path: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ReportFolderError(description: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw ReportFolderError(description: "cannot lock \(path): \(reason)")
            }
        }
    }

    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit {
        release()
    }
}
