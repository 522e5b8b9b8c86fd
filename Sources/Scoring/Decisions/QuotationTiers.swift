import Domain

/// The small-batch and volume tiers of a supplier's quotations for one material, as of a day.
///
/// Current quotations: quoted on or before the day and valid on it (`valid_until` empty or not before
/// it). Per minimum quantity the latest quotation stands (same day: the higher quotation id). The
/// **small-batch tier** is the current tier with the lowest minimum quantity, the **volume tier** the one
/// with the highest; with fewer than two distinct tiers there is nothing to compare.
struct QuotationTiers {
    var small: Quotation
    var volume: Quotation

    init?(_ quotations: [Quotation], material: String, asOf: Day) {
        let current = quotations.filter {
            $0.materialId == material && $0.quotedOn <= asOf && ($0.validUntil.map { asOf <= $0 } ?? true)
        }
        var byTier: [Double: Quotation] = [:]
        for q in current {
            if let held = byTier[q.minQuantity],
                (held.quotedOn, held.quotationId) >= (q.quotedOn, q.quotationId)
            {
                continue
            }
            byTier[q.minQuantity] = q
        }
        let tiers = byTier.keys.sorted()
        guard tiers.count >= 2, let low = tiers.first, let high = tiers.last, let small = byTier[low],
            let volume = byTier[high]
        else { return nil }
        self.small = small
        self.volume = volume
    }
}
