import Domain

/// Delivery by month of due date, from the same judged line outcomes as OTD (one definition, grouped).
public struct MonthlyDeliveryFigures: Sendable, Hashable {
    public var month: Day
    public var dueLines: Int
    public var otdRate: Double?
    public var otifRate: Double?
    public var avgDaysLate: Double?
}

/// Delivery by order size in the current window: the judged lines in four groups by quantity.
public struct OrderSizeFigures: Sendable, Hashable {
    /// 1 = the smallest quarter … 4 = the largest.
    public var bucket: Int
    public var label: String
    public var lines: Int
    public var otdRate: Double?
    public var avgDaysLate: Double?
}

extension SupplierResult {
    /// Baseline and current windows, month by month (months cut by a window edge hold only its part).
    public var monthlyDelivery: [MonthlyDeliveryFigures] {
        let outcomes = baselineDelivery.outcomes + delivery.outcomes
        let byMonth = Dictionary(grouping: outcomes) { $0.due.startOfMonth }
        return byMonth.keys.sorted().map { month in
            let lines = byMonth[month] ?? []
            return MonthlyDeliveryFigures(
                month: month, dueLines: lines.count,
                otdRate: Stats.ratio(lines.filter(\.onTime).count, lines.count),
                otifRate: Stats.ratio(lines.filter { $0.onTime && $0.inFull }.count, lines.count),
                avgDaysLate: Stats.mean(lines.map { Double($0.daysLate) }))
        }
    }

    /// The current window's judged lines in quarters by quantity: are the big orders the late ones?
    public var deliveryByOrderSize: [OrderSizeFigures] {
        let sorted = delivery.outcomes.sorted {
            ($0.quantity, $0.orderLineId) < ($1.quantity, $1.orderLineId)
        }
        guard sorted.count >= 4 else { return [] }
        let unit = Set(sorted.map(\.unit)).count == 1 ? " \(sorted[0].unit)" : ""
        return (0..<4).map { q in
            let lines = Array(sorted[(q * sorted.count / 4)..<((q + 1) * sorted.count / 4)])
            let low = Fmt.number(lines.first?.quantity ?? 0)
            let high = Fmt.number(lines.last?.quantity ?? 0)
            let names = ["smallest quarter", "second quarter", "third quarter", "largest quarter"]
            return OrderSizeFigures(
                bucket: q + 1, label: "\(names[q]) (\(low == high ? low : "\(low)–\(high)")\(unit))",
                lines: lines.count, otdRate: Stats.ratio(lines.filter(\.onTime).count, lines.count),
                avgDaysLate: Stats.mean(lines.map { Double($0.daysLate) }))
        }
    }
}
