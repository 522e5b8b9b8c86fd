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
/// not followed. Nothing in the inbox is ever modified, moved or deleted.
///
/// Listing walks the folders with `readdir` and `lstat` directly: the inbox keeps every file ever
/// received, and Foundation's enumerator with resource values cost seconds per 100,000 files every night.
struct InboxScanner {
    struct Entry: Sendable, Hashable {
        /// Path relative to the inbox, with `/` separators.
        var relativePath: String
        /// Absolute path of the file.
        var path: String
        /// The first path component: the supplier the folder belongs to; nil for a file at the top level.
        var supplierFolder: String?
        var size: Int
        /// The file's modification time: when it arrived in the inbox.
        var modified: Date?

        var url: URL { URL(fileURLWithPath: path) }
    }

    /// What a scan found: the files, and the folders it could not open (named in the log, never fatal).
    struct Listing: Sendable {
        var entries: [Entry] = []
        var unreadableFolders: [String] = []
    }

    let inbox: URL
    /// When set, only files in the top-level supplier folders it accepts are listed (a shard intake); files
    /// at the top level, outside any supplier folder, are then left out too. Other folders are not read.
    var supplierFolders: (@Sendable (String) -> Bool)? = nil

    func entries() throws -> [Entry] { try scan().entries }

    func scan() throws -> Listing {
        let base = inbox.standardizedFileURL.path
        var status = stat()
        guard stat(base, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw JobError(.usage, "inbox \(inbox.path) is not a readable folder")
        }
        var listing = Listing()
        guard walk(base, relative: "", into: &listing) else {
            throw JobError(.usage, "cannot list inbox \(inbox.path): \(String(cString: strerror(errno)))")
        }
        listing.entries.sort { $0.relativePath < $1.relativePath }
        return listing
    }

    /// Adds the files below `directory`; false when `directory` itself cannot be opened.
    private func walk(_ directory: String, relative: String, into listing: inout Listing) -> Bool {
        guard let handle = opendir(directory) else { return false }
        defer { closedir(handle) }
        var folders: [(path: String, relative: String)] = []
        while let item = readdir(handle) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }  // ".", ".." and hidden files and folders
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }  // vanished since readdir
            let topLevel = relative.isEmpty
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                if topLevel, let supplierFolders, !supplierFolders(name) { continue }  // another shard's
                folders.append((path, relativePath))
            case S_IFREG:
                if topLevel, supplierFolders != nil { continue }  // left to the nightly run
                if name.hasSuffix(".tmp") || name.hasSuffix(".part") || name.hasSuffix(".partial") {
                    continue
                }
                let slash = relativePath.firstIndex(of: "/")
                listing.entries.append(
                    Entry(
                        relativePath: relativePath, path: path,
                        supplierFolder: slash.map { String(relativePath[..<$0]) },
                        size: Int(status.st_size), modified: Self.date(status.st_mtim)))
            default:
                continue  // symbolic links, sockets, devices: not uploads
            }
        }
        for folder in folders where !walk(folder.path, relative: folder.relative, into: &listing) {
            listing.unreadableFolders.append(folder.relative)
        }
        return true
    }

    private static func date(_ time: timespec) -> Date {
        Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000)
    }
}
