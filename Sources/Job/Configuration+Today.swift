import Domain
import Foundation

extension Configuration {
    /// Today in the configured time zone: the default as-of day, cut like every other day of a run.
    public var today: Day {
        Day.today(in: TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current)
    }
}
