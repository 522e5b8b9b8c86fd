import Domain

/// Why a document was not read as a certificate, with the place in it when known.
///
/// A reason may quote the document (libxml2 and XSD messages do, and so do stated identifiers): such
/// quotes are bounded and escaped with ``excerpt(_:)``, so a reason never carries more than a short,
/// one-line piece of what the file holds.
public struct CoARejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// The longest piece of a document's content (or of a parser message about it) a reason quotes, in
    /// Unicode scalars after escaping.
    public static let excerptLimit = 160

    public var reason: String
    /// 1-based line in the document.
    public var line: Int?
    /// 1-based column in the document.
    public var column: Int?
    /// False when the bytes are not safe XML at all (not well-formed, unsafe, too large): no profile,
    /// specification or supplier added later can make them a certificate, so their bytes need not be kept.
    public var documentIsXML: Bool
    /// What was read before the document was rejected (its header, when it has no results), for
    /// `check-coa` to show.
    public var certificate: Certificate?

    public init(
        reason: String, line: Int? = nil, column: Int? = nil, documentIsXML: Bool = true,
        certificate: Certificate? = nil
    ) {
        self.reason = reason
        self.line = line
        self.column = column
        self.documentIsXML = documentIsXML
        self.certificate = certificate
    }

    /// `reason at line L, column C`.
    public var description: String {
        guard let line else { return reason }
        return "\(reason) at line \(line)" + (column.map { ", column \($0)" } ?? "")
    }

    /// Text taken from a document, or a message quoting it, as a reason may show it: escaped, one line,
    /// at most ``excerptLimit`` scalars.
    public static func excerpt(_ text: String) -> String {
        EscapedText.excerpt(text, limit: excerptLimit)
    }
}

extension CoARejection {
    /// Two rejections are the same when they say the same thing at the same place; what was read
    /// before is context, not part of the rejection.
    public static func == (lhs: CoARejection, rhs: CoARejection) -> Bool {
        lhs.reason == rhs.reason && lhs.line == rhs.line && lhs.column == rhs.column
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(reason)
        hasher.combine(line)
        hasher.combine(column)
    }
}
