import Domain
import Foundation

/// Responsiveness of the messages sent in one calendar month, by the same definition as the window's.
public struct MonthlyResponseFigures: Sendable, Hashable {
    /// The first day of the month.
    public var month: Day
    public var figures: ResponsivenessFigures
}

extension ResponsivenessCalculator {
    /// `figures` for each calendar month of `window` in which messages were sent (months cut by the
    /// window's edges hold only their part), judged at `instant` like the window's own figures.
    func byMonth(_ messages: [Communication], window: DayWindow, at instant: Date) -> [MonthlyResponseFigures]
    {
        let sent = messages.filter { window.contains($0.sentOn) && $0.sentAt <= instant }
        let byMonth = Dictionary(grouping: sent) { $0.sentOn.startOfMonth }
        return byMonth.keys.sorted().map { month in
            MonthlyResponseFigures(
                month: month, figures: figures(byMonth[month] ?? [], window: window, at: instant))
        }
    }
}
