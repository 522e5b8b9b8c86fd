/// Why a document was not read as a certificate, with the place in it when known.
public struct CoARejection: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String
    /// 1-based line in the document.
    public var line: Int?
    /// 1-based column in the document.
    public var column: Int?

    public init(reason: String, line: Int? = nil, column: Int? = nil) {
        self.reason = reason
        self.line = line
        self.column = column
    }

    /// `reason at line L, column C`.
    public var description: String {
        guard let line else { return reason }
        return "\(reason) at line \(line)" + (column.map { ", column \($0)" } ?? "")
    }
}
