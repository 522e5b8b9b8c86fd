/// The one cut of a timestamp into a calendar day, as SQL: every query that turns an instant into a day,
/// or a day into the instant it starts, goes through here with the run's zone, so every figure counts
/// whole days the same way (docs/metrics.md, "Windows and time").
enum LocalDay {
    /// The day `timestamp` falls on in `zone` (a parameter such as `$3`, or a column).
    static func of(_ timestamp: String, zone: String) -> String {
        "(\(timestamp) AT TIME ZONE \(zone))::date"
    }

    /// The instant `day` begins in `zone`.
    static func start(_ day: String, zone: String) -> String {
        "(\(day))::timestamp AT TIME ZONE \(zone)"
    }
}
