import Domain
import Scoring

/// A receipt of the run's scope with what only the loader needs: its timestamp, to order it, and the
/// day its lot's first accepted CoA arrived, for the lots whose CoA is missing.
struct ScopedReceipt {
    var receipt: Receipt
    /// Seconds since 1970 (`date_part('epoch', received_at)`): exact to the microsecond for these dates.
    var receivedAt: Double
    var coaAcceptedOn: Day?

    /// By order line, then time received, then receipt id (text by bytes).
    static func byLine(_ a: ScopedReceipt, _ b: ScopedReceipt) -> Bool {
        if let order = a.receipt.orderLineId.byteOrder(b.receipt.orderLineId) { return order }
        return byArrival(a, b)
    }

    /// By time received, then receipt id.
    static func byArrival(_ a: ScopedReceipt, _ b: ScopedReceipt) -> Bool {
        if a.receivedAt != b.receivedAt { return a.receivedAt < b.receivedAt }
        return a.receipt.receiptId.byteOrder(b.receipt.receiptId) ?? false
    }
}
