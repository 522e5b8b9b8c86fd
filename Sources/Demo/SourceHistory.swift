import Domain

/// One order line as the ERP records it.
struct OrderLine {
    var id: String
    var ordered: Int
    var quantity: Double
    var unitPrice: Double
    var requested: Day
    var promised: Day?
    var confirmed: Int?
    var repromised: Day?
    var cancelled: Bool
}

/// One goods receipt, with the lot it brought.
struct Receipt {
    var id: String
    /// Index of its line in the history's `lines`.
    var line: Int
    var received: Int
    var quantity: Double
    var lot: String?
    var manufactured: Day
    /// Position of the lot in manufacture order within its source (0 = first).
    var ordinal: Int
}

/// The order lines and receipts of one approved source, regenerated identically from the source's own
/// stream whenever a table needs them: the large world never holds more than one source's history.
struct SourceHistory {
    var lines: [OrderLine] = []
    var receipts: [Receipt] = []

    /// Start of the recent window in which the volume-collapse supplier's volume grows.
    static let growthDays = 95

    init(plan: WorldPlan, source: SourcePlan, firstLine: Int, firstReceipt: Int) {
        guard let until = source.ordersUntil else { return }
        let supplier = plan.suppliers[source.supplier]
        let material = plan.materials[source.material]
        var random = DemoRandom(seed: plan.seed, WorldPlan.Stream.history.rawValue, UInt64(source.index))
        let growthStart = plan.asOf.advanced(by: -SourceHistory.growthDays)
        let collapse = source.role == .volumeCollapse
        let drift = source.driftCharacteristic != nil
        let step = material.baseQuantity >= 100 ? 5.0 : 1.0

        var pending: [(line: Int, day: Day, minutes: Int, quantity: Double)] = []
        var day = plan.historyStart.advanced(by: random.int(0...20))
        while day <= until {
            let recent = collapse && day >= growthStart
            // The growth: twice the orders, two in five of them about six times the usual size (a fixed
            // pattern, so the story does not depend on the seed); before it, small batches only.
            let large: Bool
            if collapse {
                large = recent && [1, 3].contains(lines.count % 5)
            } else {
                large = random.chance(0.08)
            }
            let factor =
                recent && large
                ? random.uniform(5.5, 6.5) : large ? random.uniform(3.5, 5) : random.uniform(0.6, 1.4)
            var quantity = material.baseQuantity * factor
            quantity = max(step, (quantity / step).rounded() * step)
            let lead = large ? source.volumeLeadDays : source.smallLeadDays
            let orderedAt = instant(day, minutes: random.int(7 * 60...17 * 60))
            let requested = day.advanced(by: lead + random.int(0...4))
            var promised: Day? = nil
            var confirmed: Int? = nil
            var repromised: Day? = nil
            if !random.chance(0.03) || supplier.role == .clean {
                let hours =
                    recent ? random.uniform(48, 140) : supplier.confirmHours * random.uniform(0.3, 1.7)
                confirmed = orderedAt + Int(hours * 3600)
                var promise = requested
                if recent && large {
                    promise = requested.advanced(by: random.int(5...12))
                } else if random.chance(0.15) && supplier.role != .clean {
                    promise = requested.advanced(by: random.int(1...5))
                }
                promised = promise
                if random.chance(recent && large ? 0.5 : supplier.repromiseShare) {
                    repromised = promise.advanced(by: random.int(2...10))
                }
            }
            let cancelled = random.chance(supplier.cancelShare)
            let price =
                source.unitPrice * (large && source.hasVolumeTier ? source.volumePriceFactor : 1)
                * random.uniform(0.98, 1.02)
            let index = lines.count
            lines.append(
                OrderLine(
                    id: TextFormat.id("OL", firstLine + index, 7), ordered: orderedAt, quantity: quantity,
                    unitPrice: price, requested: requested, promised: promised, confirmed: confirmed,
                    repromised: repromised, cancelled: cancelled))

            if !cancelled {
                // The supplier aims at the moved date when there is one; lateness counts against the first.
                let aim = repromised ?? promised ?? requested
                let onTime = random.chance(recent && large ? 0.1 : supplier.onTime)
                var arrival =
                    onTime
                    ? aim.advanced(by: -random.int(0...2))
                    : aim.advanced(by: recent && large ? random.int(6...16) : random.int(1...12))
                if repromised != nil && onTime && supplier.onTime < 1 {
                    arrival = aim.advanced(by: random.int(0...3))
                }
                arrival = max(arrival, day.advanced(by: 1))
                let minutes = random.int(6 * 60...18 * 60)
                if !drift && random.chance(supplier.partialShare) {
                    var first = (quantity * random.uniform(0.4, 0.8) / step).rounded() * step
                    first = min(max(step, first), quantity - step)
                    if first >= step && quantity - first >= step {
                        pending.append((index, arrival, minutes, first))
                        pending.append(
                            (
                                index, arrival.advanced(by: random.int(3...12)), random.int(6 * 60...18 * 60),
                                quantity - first
                            ))
                    } else {
                        pending.append((index, arrival, minutes, quantity))
                    }
                } else {
                    pending.append((index, arrival, minutes, quantity))
                }
            }
            let rate = collapse && day >= growthStart ? 6 : source.ordersPerMonth
            // The collapse supplier's orders come regularly, so its volume ratio is the story's, not luck's.
            let spread = collapse ? random.uniform(0.8, 1.2) : random.uniform(0.5, 1.5)
            day = day.advanced(by: max(1, Int((30.44 / rate * spread).rounded())))
        }

        pending.removeAll { $0.day > plan.asOf }
        // Lots in the order they arrive, which for one source is the order they were made.
        pending.sort { ($0.day, $0.minutes, $0.line) < ($1.day, $1.minutes, $1.line) }
        let specified = material.specified
        for (ordinal, arrival) in pending.enumerated() {
            let received = instant(arrival.day, minutes: arrival.minutes)
            let yy = TextFormat.padded(arrival.day.components.year % 100, 2)
            let lot =
                specified || !random.chance(0.1)
                ? "L" + yy + "-" + TextFormat.padded(material.number, 4) + "-"
                    + TextFormat.padded(ordinal + 1, 3)
                : nil
            let made = arrival.day.advanced(by: drift ? -3 : -random.int(2...20))
            receipts.append(
                Receipt(
                    id: TextFormat.id("RC", firstReceipt + ordinal, 7), line: arrival.line,
                    received: received,
                    quantity: arrival.quantity, lot: lot, manufactured: made, ordinal: ordinal))
        }
    }
}
