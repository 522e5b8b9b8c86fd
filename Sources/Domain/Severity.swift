/// How urgent a flag is; ordered so that `max()` gives the worst.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case info, warning, critical

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
