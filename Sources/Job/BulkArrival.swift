import Domain
import Store

/// A night that brings many certificates for lots received long before is an archive import (or a
/// supplier's backlog), not a supplier failing overnight: the run says so, with the count, so nobody
/// misreads the flags it raises, or does not raise.
struct BulkArrival {
    /// At least this many such certificates make a notice (`coa.bulk_arrival_files`).
    var minimumFiles: Int
    /// Lots received more than this many days before the as-of day are old (`coa.bulk_arrival_days`).
    var ageDays: Int

    /// The first day a lot is not old on.
    func cutoff(asOf: Day) -> Day { asOf.advanced(by: -ageDays) }

    /// The notices the counts call for: one for the archive's certificates, one for the night's.
    func notices(_ arrivals: RunNotices.OldLotArrivals, asOf: Day) -> [RunNotices.Notice] {
        let day = cutoff(asOf: asOf).iso
        var notices: [RunNotices.Notice] = []
        if arrivals.archived >= minimumFiles {
            notices.append(
                RunNotices.Notice(
                    kind: "bulk_arrival",
                    text: "\(arrivals.archived) certificates arrived for lots received before \(day): "
                        + "counted by their issue dates (imported from an archive)"))
        }
        if arrivals.nightly >= minimumFiles {
            notices.append(
                RunNotices.Notice(
                    kind: "bulk_arrival",
                    text: "\(arrivals.nightly) certificates arrived for lots received before \(day): "
                        + "counted as late: use `--archive` if this was an import"))
        }
        return notices
    }
}
