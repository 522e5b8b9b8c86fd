import Domain
import Foundation

/// `scale_up_cost_gap` and `scale_up_lead_time_gap` of one supplier × material.
///
/// Recent small orders: live lines of the material ordered in the current window whose quantity is below
/// the volume tier's minimum. Price paid = their quantity-weighted mean unit price (lines with a price);
/// actual lead time = mean days from order to first receipt over those of them that were judged with a
/// receipt (current window).
struct ScaleUpGaps {
    var config: DecisionConfig
    var supplierId: String

    func flags(
        material: String, inputs: SupplierInputs, delivery: DeliveryFigures, window: DayWindow, asOf: Day
    ) -> [Flag] {
        guard let tiers = QuotationTiers(inputs.quotations, material: material, asOf: asOf) else { return [] }
        let small = tiers.small
        let volume = tiers.volume
        let recent = inputs.orderLines.filter {
            $0.materialId == material && !$0.cancelled && window.contains($0.orderedOn)
                && $0.orderedOn <= asOf
                && $0.quantity < volume.minQuantity
        }
        let priced = recent.compactMap { l in l.unitPrice.map { (l.quantity, $0) } }
        let pricedQuantity = priced.reduce(0) { $0 + $1.0 }
        let paid = pricedQuantity > 0 ? priced.reduce(0) { $0 + $1.0 * $1.1 } / pricedQuantity : nil
        let recentIds = Set(recent.map(\.orderLineId))
        let leadTimes = delivery.outcomes.filter { recentIds.contains($0.orderLineId) }
            .compactMap { $0.leadTimeDays.map(Double.init) }
        let actualLead = Stats.mean(leadTimes)
        let unit = recent.first?.unit ?? inputs.orderLines.first { $0.materialId == material }?.unit
        var out: [Flag] = []
        if let f = costGap(
            material, small: small, volume: volume, paid: paid, orders: priced.count, unit: unit)
        {
            out.append(f)
        }
        if let f = leadTimeGap(
            material, small: small, volume: volume, actual: actualLead, lines: leadTimes.count, unit: unit)
        {
            out.append(f)
        }
        return out
    }

    func costGap(
        _ material: String, small: Quotation, volume: Quotation, paid: Double?, orders: Int, unit: String?
    ) -> Flag? {
        let notBelow = volume.unitPrice >= small.unitPrice
        let overPaid =
            paid.map { $0 > 0 && volume.unitPrice / $0 - 1 > config.costGap + ReadinessRules.epsilon }
            ?? false
        guard notBelow || overPaid else { return nil }
        let u = unit.map { " \($0)" } ?? ""
        let price = Fmt.price
        var parts: [String] = []
        if notBelow {
            parts.append(
                "not below the small-batch price \(price(small.unitPrice)) (from \(Fmt.number(small.minQuantity))\(u), "
                    + "\(Fmt.signedPercent(volume.unitPrice / small.unitPrice - 1)))")
        }
        if let paid, overPaid {
            parts.append(
                "\(Fmt.signedPercent(volume.unitPrice / paid - 1)) against the \(price(paid)) paid on "
                    + "\(orders) recent small \(orders == 1 ? "order" : "orders") (limit +\(Fmt.percent(config.costGap)))"
            )
        }
        // The ERP's quotations carry no currency: say so rather than let a figure pass for one.
        let perUnit = unit.map { "per \($0)" } ?? "per unit"
        let message =
            "Volume-tier quotation \(volume.quotationId) for \(material) at \(price(volume.unitPrice)) \(perUnit) "
            + "(currency not recorded; from \(Fmt.number(volume.minQuantity))\(u)) is "
            + parts.joined(separator: " and ") + "."
        let evidence: JSONValue = .object([
            "currency": .string(nil), "price_unit": .string(unit),
            "small_batch": Self.tier(small), "volume_tier": Self.tier(volume),
            "paid_unit_price": .number(paid), "recent_small_orders": .number(Double(orders)),
            "volume_vs_small_batch": .number(volume.unitPrice / small.unitPrice - 1),
            "volume_vs_paid": .number(paid.flatMap { $0 > 0 ? volume.unitPrice / $0 - 1 : nil }),
            "cost_gap_limit": .number(config.costGap),
        ])
        return Flag(
            supplierId: supplierId, materialId: material, kind: .scaleUpCostGap, severity: .warning,
            message: message, evidence: evidence)
    }

    func leadTimeGap(
        _ material: String, small: Quotation, volume: Quotation, actual: Double?, lines: Int, unit: String?
    ) -> Flag? {
        let factor = config.leadTimeGapFactor
        let v = Double(volume.leadTimeDays)
        let againstQuote =
            small.leadTimeDays > 0 && v >= factor * Double(small.leadTimeDays) - ReadinessRules.epsilon
        let againstActual = actual.map { $0 > 0 && v >= factor * $0 - ReadinessRules.epsilon } ?? false
        guard againstQuote || againstActual else { return nil }
        var parts: [String] = []
        if againstQuote {
            parts.append(
                "\(Fmt.days(Double(small.leadTimeDays))) quoted for small batches (\(Fmt.times(v / Double(small.leadTimeDays))))"
            )
        }
        if let actual, againstActual {
            parts.append(
                "\(Fmt.days(actual)) actually taken on \(lines) recent small \(lines == 1 ? "order" : "orders") "
                    + "(\(Fmt.times(v / actual)))")
        }
        let u = unit.map { " \($0)" } ?? ""
        let message =
            "Volume-tier lead time for \(material) (from \(Fmt.number(volume.minQuantity))\(u)) is "
            + "\(Fmt.days(v)) against " + parts.joined(separator: " and ") + "."
        let evidence: JSONValue = .object([
            "small_batch": Self.tier(small), "volume_tier": Self.tier(volume),
            "actual_lead_time_days": .number(actual), "recent_small_orders": .number(Double(lines)),
            "lead_time_gap_factor": .number(factor),
        ])
        return Flag(
            supplierId: supplierId, materialId: material, kind: .scaleUpLeadTimeGap, severity: .warning,
            message: message, evidence: evidence)
    }

    static func tier(_ q: Quotation) -> JSONValue {
        .object([
            "quotation_id": .string(q.quotationId), "quoted_on": .day(q.quotedOn),
            "min_quantity": .number(q.minQuantity), "unit_price": .number(q.unitPrice),
            "lead_time_days": .number(Double(q.leadTimeDays)), "valid_until": .day(q.validUntil),
        ])
    }
}

extension Fmt {
    /// A unit price: two decimals, or four below 1.
    static func price(_ value: Double) -> String {
        String(format: abs(value) < 1 ? "%.4f" : "%.2f", value)
    }

    /// "+8 %", "+15.1 %", "-12 %", "0 %" (one decimal, without a trailing ".0").
    static func signedPercent(_ rate: Double) -> String {
        let text = oneDecimal(rate * 100)
        return rate * 100 >= 0.05 ? "+\(text) %" : "\(text) %"
    }
}
