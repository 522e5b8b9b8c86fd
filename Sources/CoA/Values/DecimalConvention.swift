/// How a supplier writes decimal numbers. A profile may fix it; `automatic` reads both conventions.
public enum DecimalConvention: String, Sendable, Hashable, CaseIterable {
    /// When `.` and `,` both occur, the last one is the decimal mark. A mark that occurs once is the
    /// decimal mark (`1,234` reads 1.234); a mark that repeats groups thousands (`1,234,567`).
    /// Spaces and apostrophes only ever group thousands.
    case automatic
    /// `.` is the decimal mark; `,` groups thousands (`1,234` reads 1234).
    case decimalPoint
    /// `,` is the decimal mark; `.` groups thousands (`1.234` reads 1234).
    case decimalComma
}
