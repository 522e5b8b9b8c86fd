import Domain

/// Our messages to one supplier that expect an answer, and its answers.
enum Messages {
    struct Message {
        var kind: String
        var sent: Int
        var responded: Int?
    }

    /// The silent supplier stops answering this many days before the as-of date.
    static let silentDays = 60

    static func generate(plan: WorldPlan, supplier: SupplierPlan) -> [Message] {
        var random = DemoRandom(
            seed: plan.seed, WorldPlan.Stream.communication.rawValue, UInt64(supplier.number))
        let silentFrom = plan.asOf.advanced(by: -silentDays)
        let growthStart = plan.asOf.advanced(by: -SourceHistory.growthDays)
        let horizon = instant(plan.asOf.advanced(by: 1), minutes: 0)
        var messages: [Message] = []
        var day = plan.historyStart.advanced(by: random.int(0...10))
        while day <= plan.asOf {
            let silent = supplier.role == .silent && day >= silentFrom
            let strained = supplier.role == .volumeCollapse && day >= growthStart
            let sent = instant(day, minutes: random.int(7 * 60...18 * 60))
            let kinds = ["inquiry", "rfq", "expedite", "complaint", "corrective_action"]
            let kind = kinds[
                random.weighted(strained ? [0.25, 0.1, 0.5, 0.1, 0.05] : [0.35, 0.2, 0.2, 0.15, 0.1])]
            var hours = supplier.responseHours * random.uniform(0.3, 2.0)
            if random.chance(supplier.slowTailShare) { hours *= random.uniform(3, 8) }
            if kind == "corrective_action" && supplier.role != .clean { hours *= 2 }
            if strained { hours *= 3 }
            var responded: Int? = sent + Int(hours * 3600)
            if silent || random.chance(supplier.unansweredShare) { responded = nil }
            if let answer = responded, answer >= horizon { responded = nil }
            messages.append(Message(kind: kind, sent: sent, responded: responded))
            // We chase a silent or strained supplier more often.
            let rate = silent ? 4 : strained ? 6 : supplier.messagesPerMonth
            day = day.advanced(by: max(1, Int((30.44 / rate * random.uniform(0.3, 1.7)).rounded())))
        }
        return messages
    }
}

/// The quotations of one approved source: a current small-batch tier, often a volume tier, sometimes an
/// older expired quote.
enum Quotes {
    struct Quote {
        var quotedAt: Day
        var minQuantity: Double
        var unitPrice: Double
        var leadDays: Int
        var validUntil: Day
    }

    static func generate(plan: WorldPlan, source: SourcePlan) -> [Quote] {
        guard source.status != "blocked" else { return [] }
        var random = DemoRandom(seed: plan.seed, WorldPlan.Stream.quotation.rawValue, UInt64(source.index))
        let base = plan.materials[source.material].baseQuantity
        let step = base >= 100 ? 5.0 : 1.0
        var quotes: [Quote] = []
        if random.chance(0.4) {
            let old = plan.historyStart.advanced(by: random.int(0...120))
            quotes.append(
                Quote(
                    quotedAt: old, minQuantity: max(step, (base * 0.5 / step).rounded() * step),
                    unitPrice: source.unitPrice * 0.94,
                    leadDays: max(1, source.smallLeadDays + random.int(-2...2)),
                    validUntil: old.advanced(by: 365)))
        }
        let quoted = plan.asOf.advanced(by: source.role == nil ? -random.int(30...200) : -60)
        quotes.append(
            Quote(
                quotedAt: quoted, minQuantity: max(step, (base * 0.5 / step).rounded() * step),
                unitPrice: source.unitPrice, leadDays: source.smallLeadDays,
                validUntil: quoted.advanced(by: 365)))
        if source.hasVolumeTier {
            quotes.append(
                Quote(
                    quotedAt: quoted, minQuantity: base * 3,
                    unitPrice: source.unitPrice * source.volumePriceFactor,
                    leadDays: source.volumeLeadDays, validUntil: quoted.advanced(by: 365)))
        }
        return quotes
    }
}
