import Domain

/// A closed range of days, both ends included.
public struct DayWindow: Sendable, Hashable, CustomStringConvertible {
    public var first: Day
    public var last: Day

    public init(first: Day, last: Day) {
        self.first = first
        self.last = last
    }

    public func contains(_ day: Day) -> Bool { first <= day && day <= last }
    public var days: Int { first.distance(to: last) + 1 }
    public var description: String { "\(first.iso)…\(last.iso)" }

    /// The current window: `days` days ending on (and including) `asOf`.
    public static func current(asOf: Day, days: Int) -> DayWindow {
        DayWindow(first: asOf.advanced(by: -(days - 1)), last: asOf)
    }

    /// The `days` days immediately before `window`.
    public static func before(_ window: DayWindow, days: Int) -> DayWindow {
        DayWindow(first: window.first.advanced(by: -days), last: window.first.advanced(by: -1))
    }
}
