#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open descriptor with one owner: closed when the owner is released.
final class OwnedDescriptor: Sendable {
    let raw: Int32

    init(_ raw: Int32) { self.raw = raw }

    deinit { close(raw) }
}

/// How the inbox is opened: every folder and file relative to its parent folder's descriptor, never
/// through a path resolved again, and never through a symbolic link (`O_NOFOLLOW`); `O_NONBLOCK`, so that
/// opening a FIFO or a device swapped in does not wait, and the type is checked on what was opened.
enum InboxOpen {
    static let folderFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
    static let fileFlags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC

    /// `openat(parent, name, flags)`; -1 with `errno` set on failure.
    static func at(_ parent: Int32, _ name: [UInt8], flags: Int32) -> Int32 {
        let name = cName(name)
        while true {
            let descriptor = openat(parent, name, flags)
            if descriptor >= 0 || errno != EINTR { return descriptor }
        }
    }

    /// `fstat` of an open descriptor; nil when it fails.
    static func status(_ descriptor: Int32) -> stat? {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? status : nil
    }

    static func isFolder(_ status: stat) -> Bool { status.st_mode & S_IFMT == S_IFDIR }
    static func isRegularFile(_ status: stat) -> Bool { status.st_mode & S_IFMT == S_IFREG }

    /// `name` as a NUL-terminated C string (a directory entry's name never holds a NUL).
    static func cName(_ name: [UInt8]) -> [CChar] {
        var characters = name.map { CChar(bitPattern: $0) }
        characters.append(0)
        return characters
    }
}
