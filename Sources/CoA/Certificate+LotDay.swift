import Domain

extension Certificate {
    /// The day a lot's results belong to, which picks the specification in force and orders the lot in its
    /// series: the manufacture date, else the lot's first receipt, else the certificate's issue date, else
    /// `fallback` (the night it was read). The one rule for the intake, `reprocess` and `check-coa`.
    public func lotDay(receiptDay: Day?, fallback: Day) -> LotDay {
        if let manufactured { return LotDay(day: manufactured, source: .manufactured) }
        if let receiptDay { return LotDay(day: receiptDay, source: .receipt) }
        if let issued { return LotDay(day: issued, source: .issued) }
        return LotDay(day: fallback, source: .readOn)
    }
}

/// A lot's day and which date it came from (shown by `check-coa`).
public struct LotDay: Sendable, Hashable {
    public enum Source: String, Sendable {
        case manufactured = "manufacture date"
        case receipt = "first receipt of the lot"
        case issued = "certificate's issue date"
        case readOn = "day it was read"
    }

    public var day: Day
    public var source: Source

    public init(day: Day, source: Source) {
        self.day = day
        self.source = source
    }
}
