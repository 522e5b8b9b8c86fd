import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists the files of the inbox: `<inbox>/<supplier_id>/...` (subfolders allowed), in a stable order.
///
/// Files whose name starts with a dot, or ends in `.tmp`, `.part` or `.partial`, are skipped: those are
/// uploads still in progress, read on a later night once complete. Hidden folders and symbolic links are
/// not followed. A folder that cannot be opened is named in the listing (and the log), never fatal: its
/// files wait for a night it can be read. Nothing in the inbox is ever modified, moved or deleted.
struct InboxScanner {
    struct Entry: Sendable, Hashable {
        /// Path relative to the inbox, with `/` separators.
        var relativePath: String
        /// The file's path as the scanner reached it (the inbox path joined with `relativePath`).
        var path: String
        /// The first path component: the supplier the folder belongs to; nil for a file at the top level.
        var supplierFolder: String?
        var size: Int
        /// The file's modification time: when it arrived in the inbox.
        var modified: Date?

        var url: URL { URL(fileURLWithPath: path) }
    }

    /// What a scan found: the files, and the folders it could not open.
    struct Listing: Sendable {
        var entries: [Entry] = []
        /// Relative paths of the folders that could not be opened.
        var unreadableFolders: [String] = []
    }

    let inbox: URL
    /// When set, only files in the top-level supplier folders it accepts are listed (a shard intake); files
    /// at the top level, outside any supplier folder, are then left out too. Other folders are not read.
    var supplierFolders: (@Sendable (String) -> Bool)? = nil

    func entries() throws -> [Entry] { try scan().entries }

    /// Walks the folders with `opendir`/`fstatat` (one system call per file, no URL per file: listing
    /// through `FileManager`'s enumerator and resource values cost a quarter of the intake's CPU).
    func scan() throws -> Listing {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inbox.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { throw JobError(.usage, "inbox \(inbox.path) is not a readable folder") }
        guard let top = opendir(inbox.path) else {
            throw JobError(.usage, "cannot list inbox \(inbox.path): \(String(cString: strerror(errno)))")
        }
        var listing = Listing()
        var folders: [String] = []
        walk(top, base: inbox.path, relative: "", into: &listing, folders: &folders)
        if supplierFolders != nil { listing.entries.removeAll() }  // top-level files: the nightly run's
        if let supplierFolders { folders = folders.filter(supplierFolders) }  // another shard's: not read
        // The supplier folders are listed on all cores: a hundred thousand `fstatat` calls add up.
        let listed = ResultSlots<Listing>(count: folders.count)
        let base = inbox.path
        let supplierFolders = folders
        DispatchQueue.concurrentPerform(iterations: supplierFolders.count) { index in
            var found = Listing()
            walk(base: base, relative: supplierFolders[index], into: &found)
            listed[index] = found
        }
        for part in listed.values(default: Listing()) {
            listing.entries += part.entries
            listing.unreadableFolders += part.unreadableFolders
        }
        listing.entries.sort { $0.relativePath < $1.relativePath }
        listing.unreadableFolders.sort()
        return listing
    }

    /// Lists the files of the folder at `relative` and of every folder below it.
    private func walk(base: String, relative: String, into listing: inout Listing) {
        guard let directory = opendir(base + "/" + relative) else {
            listing.unreadableFolders.append(relative)
            return
        }
        var descend: [String] = []
        walk(directory, base: base, relative: relative, into: &listing, folders: &descend)
        for path in descend { walk(base: base, relative: path, into: &listing) }
    }

    /// Lists the files of `directory` (and closes it); its subfolders are added to `folders`.
    private func walk(
        _ directory: OpaquePointer, base: String, relative: String, into listing: inout Listing,
        folders: inout [String]
    ) {
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        while let record = readdir(directory) {
            let name = withUnsafeBytes(of: record.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }  // ".", "..", hidden files and folders
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                folders.append(path)
            case S_IFREG:
                if name.hasSuffix(".tmp") || name.hasSuffix(".part") || name.hasSuffix(".partial") {
                    continue
                }
                let seconds =
                    Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1_000_000_000
                listing.entries.append(
                    Entry(
                        relativePath: path, path: base + "/" + path,
                        supplierFolder: relative.isEmpty
                            ? nil : String(relative.prefix { $0 != "/" }),
                        size: Int(status.st_size), modified: Date(timeIntervalSince1970: seconds)))
            default:
                continue  // symbolic links, sockets, devices
            }
        }
    }
}
