import Domain

/// Builds the characteristic series of one supplier and raises drift and out-of-tolerance flags.
struct DriftAnalysis {
    var config: ScoringConfig
    var supplierId: String

    struct SeriesKey: Hashable, Comparable {
        var materialId: String
        var characteristic: String
        static func < (a: SeriesKey, b: SeriesKey) -> Bool {
            (a.materialId, a.characteristic) < (b.materialId, b.characteristic)
        }
    }

    /// Numeric, judged results up to the as-of day, one per lot (the latest document wins), in
    /// lot-day order (lot number breaks ties).
    func series(_ measurements: [LotMeasurement], asOf: Day) -> [(SeriesKey, [LotMeasurement])] {
        let usable = measurements.filter {
            $0.lotDay <= asOf && $0.verdict.isNumericJudgement && $0.value != nil
        }
        let grouped = Dictionary(grouping: usable) {
            SeriesKey(materialId: $0.materialId, characteristic: $0.characteristic)
        }
        return grouped.keys.sorted().map { key in
            var latest: [String: LotMeasurement] = [:]
            for m in grouped[key] ?? [] where (latest[m.lotNumber]?.documentId ?? Int64.min) < m.documentId {
                latest[m.lotNumber] = m
            }
            let ordered = latest.values.sorted { ($0.lotDay, $0.lotNumber) < ($1.lotDay, $1.lotNumber) }
            return (key, ordered)
        }
    }

    func run(_ inputs: SupplierInputs, asOf: Day, window: DayWindow) -> (
        [CharacteristicCapability], [ControlChartRecord], [Flag]
    ) {
        var capabilities: [CharacteristicCapability] = []
        var charts: [ControlChartRecord] = []
        let allSeries = series(inputs.measurements, asOf: asOf)
        var flags = CoACredibility(config: config, supplierId: supplierId).flags(
            inputs, series: allSeries, asOf: asOf)
        for (key, ms) in allSeries {
            guard let last = ms.last else { continue }
            let lots = ms.compactMap { m in
                m.value.map {
                    SeriesLot(lotNumber: m.lotNumber, lotDay: m.lotDay, value: $0, verdict: m.verdict)
                }
            }
            if let s = DriftSeries(
                lots: lots, lowerLimit: last.lowerLimit, upperLimit: last.upperLimit, config: config)
            {
                let cap = CharacteristicCapability(
                    series: s, supplierId: supplierId, materialId: key.materialId,
                    characteristic: key.characteristic, unit: last.unit)
                capabilities.append(cap)
                charts.append(
                    ControlChartRecord(
                        series: s, supplierId: supplierId, materialId: key.materialId,
                        characteristic: key.characteristic, unit: last.unit, target: last.target,
                        lots: config.chartLots))
                if cap.drifting && !isComfortablyCapable(cap) { flags.append(driftFlag(cap, series: s)) }
            }
            let failing = ms.filter { $0.verdict == .fail && window.contains($0.lotDay) }
            if !failing.isEmpty {
                flags.append(outOfTolerance(failing, key: key, critical: inputs.isCritical(key.materialId)))
            }
        }
        return (capabilities, charts, flags)
    }

    /// A statistically real drift of a process that still has room to spare (recent Cpk at or above
    /// `driftQuietCpk`, and no projection to the limit within `driftQuietProjectionLots`) is kept in the
    /// capability table but raises no flag: procurement acts on drifts that matter.
    func isComfortablyCapable(_ c: CharacteristicCapability) -> Bool {
        guard let cpk = c.recent.cpk, cpk >= config.driftQuietCpk else { return false }
        return c.projectedLotsToLimit.map { $0 > config.driftQuietProjectionLots } ?? true
    }

    func driftFlag(_ c: CharacteristicCapability, series s: DriftSeries) -> Flag {
        let side = c.driftDirection ?? .upper
        let limit = side == .upper ? c.upperLimit : c.lowerLimit
        let unit = c.unit.map { " \($0)" } ?? ""
        // Limits as specified; means to a hundredth of the tolerance (or of the one limit's distance).
        let width =
            c.lowerLimit.flatMap { l in c.upperLimit.map { $0 - l } }
            ?? abs((limit ?? 0) - (c.baseline.mean ?? 0))
        let nf = { (value: Double) in Fmt.measured(value, resolution: width / 100) }
        var parts: [String] = []
        let head =
            "\(c.characteristic) of \(c.materialId) drifts toward the \(side.rawValue) limit"
            + (limit.map { " \(Fmt.exact($0))\(unit)" } ?? "")
        let shift = s.shiftEvidence(end: s.lots.count - 1)
        if let shift, let bm = c.baseline.mean {
            parts.append(
                "the last \(shift.recentLots) lots average \(nf(shift.recentMean)) against \(nf(bm)) in the first "
                    + "\(c.baseline.n), \(Fmt.oneDecimal(abs(shift.shiftSigmas))) σ "
                    + (shift.shiftSigmas >= 0 ? "up" : "down"))
        }
        var rules: [String] = []
        if let shift { rules.append(Self.testWording(shift.contrast)) }
        if c.ewmaSignalLot != nil { rules.append("EWMA beyond its control limit") }
        if c.trendSignalLot != nil {
            rules.append("the last \(config.trendLots) lots each closer to the limit")
        }
        if c.edgeShareSignal {
            let recentEdge = Fmt.whole(c.edgeShareRecent * Double(c.recent.n))
            let baseEdge = Fmt.whole(c.edgeShareBaseline * Double(c.baseline.n))
            rules.append(
                "\(recentEdge) of the last \(c.recent.n) lots in the edge band against \(baseEdge) of the first \(c.baseline.n)"
            )
        }
        parts.append(rules.joined(separator: ", "))
        if let rc = c.recent.cpk {
            parts.append(
                "Cpk \(Fmt.oneDecimal(rc))" + (c.baseline.cpk.map { " from \(Fmt.oneDecimal($0))" } ?? ""))
        }
        if let p = c.projectedLotsToLimit {
            parts.append(
                p < 1
                    ? "at the limit now"
                    : "about \(Fmt.whole(p.rounded(.up))) lots to the limit at the recent rate"
            )
        }
        if let shift {
            parts.append("evidence: flagged at any false-alarm rate down to \(Self.rate(shift.pValue))")
        }
        let message =
            head.prefix(1).uppercased() + head.dropFirst() + ": " + parts.joined(separator: "; ") + "."
        let critical =
            (c.projectedLotsToLimit.map { $0 <= config.criticalProjectionLots } ?? false)
            || (c.recent.cpk.map { $0 < config.criticalCpk } ?? false)
        let chartSigma = s.chartSigma(end: s.lots.count - 1)
        let recentLots = s.lots.indices.suffix(c.recent.n).map { i -> JSONValue in
            let h = s.halfWidth(at: i, sigma: chartSigma)
            return .object([
                "lot_number": .string(s.lots[i].lotNumber), "lot_day": .day(s.lots[i].lotDay),
                "value": .number(s.lots[i].value), "verdict": .string(s.lots[i].verdict.rawValue),
                "ewma": .number(s.ewma[i]), "ewma_upper": .number(s.baselineMean + h),
                "ewma_lower": .number(s.baselineMean - h),
            ])
        }
        let evidence: JSONValue = .object([
            "direction": .string(side.rawValue), "lower_limit": .number(c.lowerLimit),
            "upper_limit": .number(c.upperLimit), "unit": .string(c.unit), "lots": .number(Double(c.lots)),
            "baseline_lots": .number(Double(c.baseline.n)), "baseline_mean": .number(c.baseline.mean),
            "baseline_sd": .number(c.baseline.sd), "sigma_used": .number(c.sigmaUsed),
            "recent_mean": .number(c.recent.mean), "recent_sd": .number(c.recent.sd),
            "cpk_baseline": .number(c.baseline.cpk), "cpk_recent": .number(c.recent.cpk),
            "edge_share_baseline": .number(c.edgeShareBaseline),
            "edge_share_recent": .number(c.edgeShareRecent),
            "ewma_signal_lot": .string(c.ewmaSignalLot), "trend_signal_lot": .string(c.trendSignalLot),
            "edge_share_signal": .bool(c.edgeShareSignal), "slope_per_lot": .number(c.recentSlopePerLot),
            "projected_lots_to_limit": .number(c.projectedLotsToLimit), "recent_lots": .array(recentLots),
            "p_value": .number(shift?.pValue), "evidence_test": .string(shift?.contrast.rawValue),
            "test_statistic": .number(shift?.statistic),
            "degrees_of_freedom": .number(shift?.degreesOfFreedom),
            "shift_sigmas": .number(shift?.shiftSigmas),
            "false_alarm_rate": .number(config.driftFalseAlarmRate),
        ])
        return Flag(
            supplierId: supplierId, materialId: c.materialId, characteristic: c.characteristic,
            kind: .edgeOfToleranceDrift, severity: critical ? .critical : .warning, message: message,
            evidence: evidence, lots: signalLots(c, series: s))
    }

    func outOfTolerance(_ failing: [LotMeasurement], key: SeriesKey, critical: Bool) -> Flag {
        let unit = failing.last?.unit.map { " \($0)" } ?? ""
        let nf = Fmt.exact
        let listed = failing.prefix(5).map { m in
            "\(m.lotNumber) \(m.value.map(nf) ?? "?")\(unit) (\(m.lotDay.iso))"
        }
        let limits = [
            failing.last?.lowerLimit.map { "min \(nf($0))" },
            failing.last?.upperLimit.map { "max \(nf($0))" },
        ].compactMap { $0 }.joined(separator: ", ")
        let noun = failing.count == 1 ? "lot" : "lots"
        let message =
            "\(failing.count) \(noun) of \(key.materialId) out of tolerance on \(key.characteristic) (\(limits)\(unit)): "
            + listed.joined(separator: ", ") + (failing.count > 5 ? ", …" : "") + "."
        let evidence: JSONValue = .object([
            "lots": .array(
                failing.map { m in
                    .object([
                        "lot_number": .string(m.lotNumber), "lot_day": .day(m.lotDay),
                        "value": .number(m.value),
                        "lower_limit": .number(m.lowerLimit), "upper_limit": .number(m.upperLimit),
                        "unit": .string(m.unit), "document_id": .number(Double(m.documentId)),
                    ])
                })
        ])
        return Flag(
            supplierId: supplierId, materialId: key.materialId, characteristic: key.characteristic,
            kind: .outOfTolerance, severity: critical ? .critical : .warning, message: message,
            evidence: evidence, lots: failing.map(\.lotNumber))
    }

    /// Names the comparison that decided, as the message says it.
    static func testWording(_ contrast: ShiftContrast) -> String {
        switch contrast {
        case .recentAgainstEarlier: "the recent lots apart from all earlier ones"
        case .trendAgainstBaseline: "a steady trend away from the first lots"
        }
    }

    /// A p-value as the false-alarm rate it amounts to: "0.31 %", "0.002 %", "under 0.0001 %".
    static func rate(_ p: Double) -> String {
        guard p >= 1e-6 else { return "under 0.0001 %" }
        let percent = p * 100
        var text = String(format: "%.2g", percent)
        if text.contains("e") { text = String(format: "%.6f", percent) }
        return text + " %"
    }

    /// The lots a drift flag is about: the recent lots of the shift test on the side it moved to (beyond
    /// the baseline mean), the EWMA rule's signal lot, the trend's last lot and, when the edge share rule
    /// fired, the recent lots in the edge band.
    func signalLots(_ c: CharacteristicCapability, series s: DriftSeries) -> [String] {
        var lots: [String] = []
        if let shift = s.shiftEvidence(end: s.lots.count - 1) {
            lots += s.lots.suffix(shift.recentLots).filter {
                shift.side == .upper ? $0.value > s.baselineMean : $0.value < s.baselineMean
            }.map(\.lotNumber)
        }
        lots += [c.ewmaSignalLot, c.trendSignalLot].compactMap { $0 }
        if c.edgeShareSignal {
            lots += s.lots.suffix(c.recent.n).filter { $0.verdict == .edge }.map(\.lotNumber)
        }
        var seen = Set<String>()
        return lots.filter { seen.insert($0).inserted }
    }
}
