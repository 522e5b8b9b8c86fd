import CLibXML2

/// The time one document may take, from the start of its parse to its last XPath evaluation or XSD
/// validation, on the monotonic clock that the parser's own checks read.
enum XMLTimeBudget {
    /// Nanoseconds since boot at which `seconds` from now end; a budget that is not a positive finite
    /// number of seconds has ended already.
    static func deadline(startingNow seconds: Double) -> UInt64 {
        let now = scorecard_monotonic_ns()
        guard seconds.isFinite, seconds > 0 else { return now }
        // Clamped to ten days, so the conversion cannot trap.
        let nanoseconds = UInt64(min(seconds, 864_000) * 1e9)
        return now.addingReportingOverflow(nanoseconds).overflow ? UInt64.max : now + nanoseconds
    }

    /// The error when `deadline` has passed (always for 0), else nil.
    static func exceeded(_ deadline: UInt64, seconds: Double, during stage: String, line: Int? = nil)
        -> XMLError?
    {
        guard deadline == 0 || scorecard_monotonic_ns() > deadline else { return nil }
        return XMLError(
            .overTimeBudget, "the document took longer than its budget of \(seconds) s (during \(stage))",
            line: line)
    }
}
