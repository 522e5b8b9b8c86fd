import Domain
import Foundation

/// When a file of an imported CoA archive arrived. Copying an archive gives every file the day of the copy,
/// so its time says nothing of when the certificate came: the best evidence is the file's own, its issue
/// date, else the lot's first receipt, else the manufacture date (the start of that day in the configured
/// zone), and never later than the file's time (a certificate cannot have come after its file was written)
/// nor than the night it is read.
struct ArchiveArrival: Sendable {
    /// Which evidence gave the arrival.
    enum Evidence: String, Sendable {
        case issued = "issue date"
        case receipt = "first receipt of the lot"
        case manufactured = "manufacture date"
        case fileTime = "file's time"
    }

    var arrival: Date
    var evidence: Evidence
    /// Why the evidence was not used as it stands, for a warning naming the file; nil when it was.
    var problem: String?

    static func of(
        issued: Day?, receiptDay: Day?, manufactured: Day?, modified: Date?, now: Date, timeZone: TimeZone
    ) -> ArchiveArrival {
        let fileTime = min(modified ?? now, now)
        let found: (Day, Evidence)? =
            issued.map { ($0, .issued) } ?? receiptDay.map { ($0, .receipt) }
            ?? manufactured.map { ($0, .manufactured) }
        guard let (day, evidence) = found else {
            return ArchiveArrival(
                arrival: fileTime, evidence: .fileTime,
                problem: "no issue, receipt or manufacture date: its arrival is the file's time")
        }
        let start = startOfDay(day, in: timeZone)
        guard start <= fileTime else {
            return ArchiveArrival(
                arrival: fileTime, evidence: .fileTime,
                problem:
                    "its \(evidence.rawValue) \(day.iso) is after the file's time: its arrival is the file's time"
            )
        }
        return ArchiveArrival(arrival: start, evidence: evidence, problem: nil)
    }

    /// The instant `day` begins in `zone` (the zone's offset at that UTC midnight: exact but on the few
    /// days whose midnight a zone's change skips, where it errs by that change, within the day).
    static func startOfDay(_ day: Day, in zone: TimeZone) -> Date {
        let midnightUTC = Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400)
        return midnightUTC.addingTimeInterval(-Double(zone.secondsFromGMT(for: midnightUTC)))
    }
}
