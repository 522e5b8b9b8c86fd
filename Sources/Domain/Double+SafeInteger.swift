extension Double {
    /// The value rounded to a whole number as an `Int`, or nil when it is not finite or too large for
    /// an exact integer (`Int(x)` traps above 9.2e18, which a value from a CoA or an ERP row can reach).
    public var roundedInteger: Int? {
        let whole = rounded()
        guard whole.isFinite, abs(whole) < 1e15 else { return nil }
        return Int(exactly: whole)
    }
}
