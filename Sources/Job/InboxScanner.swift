import Foundation

/// Lists the files of the inbox: `<inbox>/<supplier_id>/...` (subfolders allowed), in a stable order.
///
/// Files whose name starts with a dot, or ends in `.tmp`, `.part` or `.partial`, are skipped: those are
/// uploads still in progress, read on a later night once complete. Nothing in the inbox is ever
/// modified, moved or deleted.
struct InboxScanner {
    struct Entry: Sendable, Hashable {
        /// Path relative to the inbox, with `/` separators.
        var relativePath: String
        var url: URL
        /// The first path component: the supplier the folder belongs to; nil for a file at the top level.
        var supplierFolder: String?
        var size: Int
        /// The file's modification time: when it arrived in the inbox.
        var modified: Date?
    }

    let inbox: URL
    /// When set, only files in the top-level supplier folders it accepts are listed (a shard intake); files
    /// at the top level, outside any supplier folder, are then left out too.
    var supplierFolders: (@Sendable (String) -> Bool)? = nil

    func entries() throws -> [Entry] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inbox.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { throw JobError(.usage, "inbox \(inbox.path) is not a readable folder") }
        let base = inbox.standardizedFileURL.path
        guard
            let enumerator = FileManager.default.enumerator(
                at: inbox,
                includingPropertiesForKeys: [
                    .isRegularFileKey, .fileSizeKey, .isSymbolicLinkKey, .contentModificationDateKey,
                    .isDirectoryKey,
                ],
                options: [.skipsHiddenFiles])
        else { throw JobError(.usage, "cannot list inbox \(inbox.path)") }
        var entries: [Entry] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [
                .isRegularFileKey, .fileSizeKey, .isSymbolicLinkKey, .contentModificationDateKey,
                .isDirectoryKey,
            ])
            if let supplierFolders, enumerator.level == 1, values?.isDirectory == true,
                !supplierFolders(url.lastPathComponent)
            {
                enumerator.skipDescendants()  // another shard's folder: not even listed
                continue
            }
            guard values?.isRegularFile == true, values?.isSymbolicLink != true else { continue }
            let name = url.lastPathComponent
            if name.hasSuffix(".tmp") || name.hasSuffix(".part") || name.hasSuffix(".partial") { continue }
            var relative = url.standardizedFileURL.path
            if relative.hasPrefix(base) { relative.removeFirst(base.count) }
            while relative.hasPrefix("/") { relative.removeFirst() }
            let components = relative.split(separator: "/")
            if let supplierFolders {
                // Also when skipDescendants did not: the filter decides, the skip only saves listing.
                guard components.count > 1, let folder = components.first, supplierFolders(String(folder))
                else { continue }
            }
            entries.append(
                Entry(
                    relativePath: relative, url: url,
                    supplierFolder: components.count > 1 ? components.first.map(String.init) : nil,
                    size: values?.fileSize ?? 0, modified: values?.contentModificationDate))
        }
        return entries.sorted { $0.relativePath < $1.relativePath }
    }
}
