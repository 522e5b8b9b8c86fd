#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads listed files of the inbox through descriptors: each folder opened once per batch, from the
/// inbox's descriptor down, each component with `O_NOFOLLOW` and checked to be the folder that was listed;
/// each file opened relative to its folder's descriptor, `fstat`ed, accepted only as the regular file that
/// was listed (same device, inode, size and modification time), and read up to `limit + 1` bytes.
///
/// What was renamed over, replaced (by a link, a FIFO, a device, another file) or written since the
/// listing is never read: it is reported as ``Outcome/changed(_:)`` and waits for the next night.
/// `@unchecked Sendable`: the folder descriptors are written while it is made, and only read afterwards,
/// from any number of threads.
final class InboxReader: @unchecked Sendable {
    enum Outcome: Sendable {
        /// The file's bytes, exactly as listed.
        case read([UInt8])
        /// Over the limit: the hash of its first `limit + 1` bytes and its first few bytes.
        case tooLarge(sha256: String, prefix: [UInt8])
        /// It cannot be opened for reading (permissions): recorded as rejected.
        case unreadable(String)
        /// Not the file that was listed any more: skipped tonight, read on a later night.
        case changed(String)
    }

    private let listing: InboxScanner.Listing
    private let limit: Int
    /// Folder index → its descriptor; absent when the folder is not the one listed any more.
    private var descriptors: [Int: Int32] = [:]
    private var owned: [Int32] = []

    /// Opens the folders of `entries`.
    init(listing: InboxScanner.Listing, entries: [InboxScanner.Entry], limit: Int) {
        self.listing = listing
        self.limit = limit
        descriptors[0] = listing.inbox.raw
        var failed: Set<Int> = []
        for folder in Set(entries.map(\.folder)) { _ = open(folder, failed: &failed) }
    }

    deinit {
        for descriptor in owned { close(descriptor) }
    }

    func read(_ entry: InboxScanner.Entry) -> Outcome {
        guard let folder = descriptors[entry.folder] else {
            return .changed("a folder on its path was moved or replaced since the listing")
        }
        let descriptor = InboxOpen.at(folder, entry.name, flags: InboxOpen.fileFlags)
        guard descriptor >= 0 else { return refused(entry, in: folder, errno: errno) }
        defer { close(descriptor) }
        guard let status = InboxOpen.status(descriptor) else {
            return .changed("cannot be examined (\(Self.describe(errno)))")
        }
        guard InboxOpen.isRegularFile(status) else {
            return .changed("replaced by something that is not a regular file since the listing")
        }
        guard FileIdentity(status) == entry.identity else {
            return .changed("replaced or written since the listing")
        }
        let outcome: Outcome
        switch FileBytes.read(descriptor, expectedSize: entry.size, limit: limit) {
        case .whole(let bytes): outcome = .read(bytes)
        case .tooLarge(let sha256, let prefix): outcome = .tooLarge(sha256: sha256, prefix: prefix)
        case .changedSize: return .changed("its size changed while it was read")
        case .failed(let code): return .changed("a read failed (\(Self.describe(code)))")
        }
        // Written in place while it was read: the bytes may be half old, half new.
        guard let after = InboxOpen.status(descriptor), FileIdentity(after) == entry.identity else {
            return .changed("written while it was read")
        }
        return outcome
    }

    /// Why `entry` could not be opened: whatever now has its name (a link, a FIFO or device on a `nodev`
    /// mount, nothing) is not the file listed, unless the file itself refuses to be read.
    private func refused(_ entry: InboxScanner.Entry, in folder: Int32, errno code: Int32) -> Outcome {
        var status = stat()
        guard fstatat(folder, InboxOpen.cName(entry.name), &status, AT_SYMLINK_NOFOLLOW) == 0 else {
            return .changed("gone since the listing")
        }
        if status.st_mode & S_IFMT == S_IFLNK {
            return .changed("replaced by a symbolic link since the listing")
        }
        guard InboxOpen.isRegularFile(status) else {
            return .changed("replaced by something that is not a regular file since the listing")
        }
        guard FileIdentity(status) == entry.identity else {
            return .changed("replaced or written since the listing")
        }
        if code == EACCES || code == EPERM { return .unreadable("file cannot be read (permissions?)") }
        return .changed("cannot be opened (\(Self.describe(code)))")
    }

    /// The descriptor of folder `index`, opened relative to its parent's, if it is still the folder listed.
    private func open(_ index: Int, failed: inout Set<Int>) -> Int32? {
        if let descriptor = descriptors[index] { return descriptor }
        guard !failed.contains(index), let parentIndex = listing.folders[index].parent,
            let parent = open(parentIndex, failed: &failed)
        else {
            failed.insert(index)
            return nil
        }
        let folder = listing.folders[index]
        let descriptor = InboxOpen.at(parent, folder.name, flags: InboxOpen.folderFlags)
        guard descriptor >= 0 else {
            failed.insert(index)
            return nil
        }
        guard let status = InboxOpen.status(descriptor), InboxOpen.isFolder(status),
            folder.identity.isSameFolder(as: status)
        else {
            close(descriptor)
            failed.insert(index)
            return nil
        }
        owned.append(descriptor)
        descriptors[index] = descriptor
        return descriptor
    }

    /// The usual names of `errno` values met here (`strerror` is not thread-safe).
    private static func describe(_ code: Int32) -> String {
        switch code {
        case EIO: "EIO"
        case ENXIO: "ENXIO"
        case EMFILE, ENFILE: "too many open files"
        case ENOTDIR: "ENOTDIR"
        case EISDIR: "EISDIR"
        default: "errno \(code)"
        }
    }
}
