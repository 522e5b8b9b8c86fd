import Domain

/// Builds the flags of the delivery, quality and responsiveness figures, each with its evidence.
struct FlagWriter {
    var config: ScoringConfig
    var supplierId: String

    /// One `missing_coa` flag per material, listing its lots; critical on a critical material.
    func missingCoA(_ lots: [LotCoAStatus], inputs: SupplierInputs) -> [Flag] {
        let byMaterial = Dictionary(grouping: lots, by: \.materialId)
        return byMaterial.keys.sorted().compactMap { material in
            guard let lots = byMaterial[material], !lots.isEmpty else { return nil }
            let names = lots.map { "\($0.lotNumber ?? $0.receiptId) (\($0.receivedOn.iso))" }
            let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
            let noun = lots.count == 1 ? "lot" : "lots"
            let message =
                "\(lots.count) \(noun) of \(material) without an accepted CoA within "
                + "\(config.missingCoADays) days of receipt: \(shown)."
            let evidence: JSONValue = .object([
                "coa_deadline_days": .number(Double(config.missingCoADays)),
                "lots": .array(
                    lots.map {
                        .object([
                            "receipt_id": .string($0.receiptId), "lot_number": .string($0.lotNumber),
                            "received_on": .day($0.receivedOn), "coa_accepted_on": .day($0.coaAcceptedOn),
                        ])
                    }),
            ])
            return Flag(
                supplierId: supplierId, materialId: material, kind: .missingCoA,
                // One late certificate is a warning; a pattern on a critical material is critical.
                severity: inputs.isCritical(material) && lots.count >= config.criticalMissingCoALots
                    ? .critical : .warning,
                message: message, evidence: evidence)
        }
    }

    /// `slow_response` when the median response exceeds the SLA or too few answers come within it.
    func slowResponse(_ r: ResponsivenessFigures, window: DayWindow) -> Flag? {
        guard r.judged >= config.slowResponseMinMessages, let median = r.medianResponseHours,
            let within = r.withinSLARate
        else { return nil }
        let sla = config.responseSLAHours
        // The share must be below the target beyond chance: the one-sided 95 % Wilson upper bound of the
        // share answered within the SLA is under it (7 of 9 within, 78 %, could well be an 80 % supplier).
        let withinCount = (within * Double(r.judged)).roundedInteger ?? 0
        let provenSlow =
            Stats.wilsonUpperBound(successes: withinCount, trials: r.judged) < config.minWithinSLARate
        guard median > sla || provenSlow else { return nil }
        var message =
            "Median response \(Fmt.hours(median)) against a \(Fmt.hours(sla)) SLA; "
            + "\(Fmt.percent(within)) of \(r.judged) messages answered within it"
        if r.unansweredOverdue > 0 {
            message += ", \(r.unansweredOverdue) still unanswered past the SLA"
        }
        message += "."
        let evidence: JSONValue = .object([
            "window_start": .day(window.first), "window_end": .day(window.last),
            "median_response_hours": .number(median), "sla_hours": .number(sla),
            "within_sla_rate": .number(within), "judged_messages": .number(Double(r.judged)),
            "unanswered_overdue": .number(Double(r.unansweredOverdue)),
            "unanswered_ids": .array(r.overdueIds.map { .string($0) }),
        ])
        return Flag(
            supplierId: supplierId, kind: .slowResponse, severity: median > 2 * sla ? .critical : .warning,
            message: message, evidence: evidence)
    }
}
