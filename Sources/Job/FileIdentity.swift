import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What makes a listed file the same file when it is opened: device, inode, size and modification time.
/// A file that differs in any of them between the listing and the read was renamed over, replaced or
/// written meanwhile, and waits for the next night.
struct FileIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    init(_ status: stat) {
        device = UInt64(truncatingIfNeeded: status.st_dev)
        inode = UInt64(truncatingIfNeeded: status.st_ino)
        size = Int(truncatingIfNeeded: status.st_size)
        modifiedSeconds = Int(truncatingIfNeeded: status.st_mtim.tv_sec)
        modifiedNanoseconds = Int(truncatingIfNeeded: status.st_mtim.tv_nsec)
    }

    /// Whether `status`, taken on the same inode, is the same folder (device and inode only: a folder's
    /// time changes whenever a file arrives in it).
    func isSameFolder(as status: stat) -> Bool {
        let other = FileIdentity(status)
        return other.device == device && other.inode == inode
    }

    var modified: Date {
        Date(timeIntervalSince1970: Double(modifiedSeconds) + Double(modifiedNanoseconds) / 1_000_000_000)
    }
}
