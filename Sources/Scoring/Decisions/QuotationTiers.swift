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
        let tiers = Self.current(quotations, material: material, asOf: asOf)
        guard tiers.count >= 2, let small = tiers.first, let volume = tiers.last else { return nil }
        self.small = small
        self.volume = volume
    }

    /// The current tiers of one material, one quotation per minimum quantity, by minimum quantity: the
    /// scoring's one rule of "current" (the view `scorecard.quotation_tiers` still states the same rule in
    /// SQL; storing this one for the view to read is not done yet).
    static func current(_ quotations: [Quotation], material: String, asOf: Day) -> [Quotation] {
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
        return byTier.keys.sorted().compactMap { byTier[$0] }
    }

    /// The tier a quantity falls in: the current tier with the highest minimum quantity the quantity
    /// reaches; nil below the lowest tier.
    static func tier(at quantity: Double, in tiers: [Quotation]) -> Quotation? {
        tiers.last { $0.minQuantity <= quantity }
    }
}
