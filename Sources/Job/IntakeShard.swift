/// One shard of the CoA intake, `K/N`: the supplier folders whose shard number is K when the inbox is cut
/// into N shards. `scorecard intake --shard K/N` ingests only those folders.
///
/// A supplier's shard is FNV-1a (64-bit) of the UTF-8 bytes of its id (the folder name), modulo N: stable
/// across processes, machines and releases (Swift's `hashValue` is seeded per process, so it cannot be).
public struct IntakeShard: Sendable, Hashable, CustomStringConvertible {
    /// K: which shard, 0 ≤ K < N.
    public let index: Int
    /// N: into how many shards the inbox is cut; every instance of one night must use the same N.
    public let count: Int

    /// The largest N: each shard index has its own row in the job's locks.
    public static let maxCount = 1024

    /// Parses `K/N`; the message says what is wrong.
    public static func parse(_ text: String) -> Result<IntakeShard, ShardError> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            return .failure(ShardError("--shard takes K/N (two whole numbers, e.g. 0/2), got '\(text)'"))
        }
        guard count >= 1, count <= maxCount else {
            return .failure(ShardError("--shard \(text): N must be between 1 and \(maxCount)"))
        }
        guard index >= 0, index < count else {
            return .failure(ShardError("--shard \(text): K must be between 0 and N-1 (\(count - 1))"))
        }
        return .success(IntakeShard(index: index, count: count))
    }

    private init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// The shard number of a supplier id when the inbox is cut into `count` shards.
    public static func number(of supplierId: String, count: Int) -> Int {
        Int(fnv1a64(supplierId) % UInt64(max(count, 1)))
    }

    /// Whether this shard ingests the supplier folder `supplierId`.
    public func owns(_ supplierId: String) -> Bool {
        Self.number(of: supplierId, count: count) == index
    }

    /// FNV-1a, 64-bit: offset basis 0xcbf29ce484222325, prime 0x100000001b3.
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// A `--shard` value that is not `K/N` with 0 ≤ K < N ≤ ``IntakeShard/maxCount``.
public struct ShardError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
