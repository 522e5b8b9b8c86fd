/// Bounds applied to every document before and while it is parsed.
public struct XMLLimits: Sendable, Hashable {
    /// Larger documents are rejected before libxml2 sees a byte.
    public var maxBytes: Int
    /// Deeper element nesting is rejected. libxml2 itself stops at 256 (`XML_PARSE_HUGE` is never set),
    /// so values above 256 have no further effect.
    public var maxDepth: Int

    public init(maxBytes: Int, maxDepth: Int) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    /// 5 MiB and 256 levels.
    public static let `default` = XMLLimits(maxBytes: 5 * 1024 * 1024, maxDepth: 256)
}
