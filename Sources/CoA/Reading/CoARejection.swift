/// Why a document was not read as a certificate, with the place in it when known.
public struct CoARejection: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String
    /// 1-based line in the document.
    public var line: Int?
    /// 1-based column in the document.
    public var column: Int?
    /// What was read before the document was rejected (its header, when it has no results), for
    /// `check-coa` to show.
    public var certificate: Certificate?

    public init(reason: String, line: Int? = nil, column: Int? = nil, certificate: Certificate? = nil) {
        self.reason = reason
        self.line = line
        self.column = column
        self.certificate = certificate
    }

    /// `reason at line L, column C`.
    public var description: String {
        guard let line else { return reason }
        return "\(reason) at line \(line)" + (column.map { ", column \($0)" } ?? "")
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
