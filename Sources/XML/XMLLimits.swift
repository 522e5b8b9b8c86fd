/// Bounds applied to every document before and while it is parsed.
public struct XMLLimits: Sendable, Hashable {
    /// Larger documents are rejected before libxml2 sees a byte.
    public var maxBytes: Int
    /// Deeper element nesting is rejected. libxml2 itself stops at 256 (`XML_PARSE_HUGE` is never set),
    /// so values above 256 have no further effect.
    public var maxDepth: Int
    /// Attributes (namespace declarations included) on one element. libxml2 2.9 checks an element's
    /// attributes for duplicates pair by pair, so its cost grows with the square of this number: it is
    /// enforced by a pre-scan of the bytes, before libxml2 starts (see `XMLPreScan`).
    public var maxAttributes: Int
    /// Nodes in one document: every element, attribute (namespace declarations included), run of
    /// character data, CDATA section, comment and processing instruction counts as one. Enforced by the
    /// pre-scan, and again while libxml2 builds the tree.
    public var maxNodes: Int
    /// Seconds one document may take from the start of its parse to the end of its last XPath
    /// evaluation or XSD validation, checked while libxml2 parses and between those steps.
    public var parseSeconds: Double

    public init(
        maxBytes: Int, maxDepth: Int, maxAttributes: Int = 256, maxNodes: Int = 250_000,
        parseSeconds: Double = 2
    ) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAttributes = maxAttributes
        self.maxNodes = maxNodes
        self.parseSeconds = parseSeconds
    }

    /// 5 MiB, 256 levels, 256 attributes per element, 250,000 nodes, 2 seconds.
    public static let `default` = XMLLimits(maxBytes: 5 * 1024 * 1024, maxDepth: 256)
}
