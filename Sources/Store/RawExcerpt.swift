import Domain

/// What `coa_documents.raw` keeps of a document that is not XML at all (not well-formed, unsafe, over
/// `coa.max_bytes`): a one-line header, then at most ``limit`` bytes of escaped text from its start
/// (``EscapedText/bytes(_:)``). Enough to see what was sent (a PDF, a half upload, a log file), never the
/// whole of what may be someone's secret, and never bytes a terminal or a viewer would act on.
///
/// Every other document keeps its bytes whole, so `scorecard reprocess` can read it again. An excerpt
/// starts with text outside any element, so it can never be taken for a well-formed document, and
/// reprocessing leaves it out (``isExcerpt(_:)``).
public enum RawExcerpt {
    /// The most escaped bytes an excerpt holds after its header.
    public static let limit = 256

    private static let header = "not XML; escaped prefix, "

    /// The stored form of a document of `size` bytes whose first bytes are `bytes`.
    public static func of(_ bytes: some Collection<UInt8>, size: Int) -> [UInt8] {
        let (escaped, taken) = EscapedText.escaped(bytes, limit: limit)
        return Array("\(header)\(taken) of \(size) bytes:\n".utf8) + escaped
    }

    /// Whether stored raw bytes are an excerpt rather than a whole document.
    public static func isExcerpt(_ raw: [UInt8]) -> Bool {
        raw.starts(with: header.utf8)
    }
}
