import Domain

/// `coa_credibility`: CoAs that repeat themselves, never vary, or sit off our own lab's results.
/// Definitions in docs/metrics.md.
struct CoACredibility {
    var config: ScoringConfig
    var supplierId: String

    func flags(_ inputs: SupplierInputs, series: [(DriftAnalysis.SeriesKey, [LotMeasurement])], asOf: Day)
        -> [Flag]
    {
        repeatedResultSets(inputs, asOf: asOf) + constantSeries(series, inputs: inputs)
            + labOffsets(series, inputs: inputs, asOf: asOf)
    }

    /// Three or more lots of a material whose CoAs report the identical set of (at least two) values.
    func repeatedResultSets(_ inputs: SupplierInputs, asOf: Day) -> [Flag] {
        let usable = inputs.measurements.filter { $0.lotDay <= asOf && $0.value != nil }
        let byMaterial = Dictionary(grouping: usable, by: \.materialId)
        var flags: [Flag] = []
        for material in byMaterial.keys.sorted() {
            let byLot = Dictionary(grouping: byMaterial[material] ?? [], by: \.lotNumber)
            // Grouped by exact results (characteristic and the value's bits), and written as text only for
            // the sets that repeat: printing every result of every lot was a twentieth of a large night.
            var lotsBySet: [Set<ExactResult>: [String]] = [:]
            for (lot, ms) in byLot {
                let set = Set(ms.compactMap { m in m.value.map { ExactResult(m.characteristic, $0) } })
                guard set.count >= 2 else { continue }
                lotsBySet[set, default: []].append(lot)
            }
            let repeated = lotsBySet.filter { $0.value.count >= config.credibilityRepeatLots }
                .map { (set: $0.key.map(\.text).sorted(), lots: $0.value) }
                .sorted { $0.set.joined() < $1.set.joined() }
            for (set, lots) in repeated {
                let sortedLots = lots.sorted()
                let message =
                    "\(lots.count) lots of \(material) carry CoAs with the identical results "
                    + "(\(set.joined(separator: ", "))): \(sortedLots.prefix(6).joined(separator: ", "))"
                    + (lots.count > 6 ? ", …" : "") + "."
                flags.append(
                    Flag(
                        supplierId: supplierId, materialId: material, kind: .coaCredibility,
                        severity: inputs.isCritical(material) ? .critical : .warning, message: message,
                        evidence: .object([
                            "rule": "identical_result_sets", "lots": .array(sortedLots.map { .string($0) }),
                            "results": .array(set.map { .string($0) }),
                        ])))
            }
        }
        return flags
    }

    /// The last `recentLots` lots of a series (at least that many) all report the same value.
    func constantSeries(_ series: [(DriftAnalysis.SeriesKey, [LotMeasurement])], inputs: SupplierInputs)
        -> [Flag]
    {
        series.compactMap { key, ms in
            let recent = ms.suffix(config.recentLots)
            guard recent.count >= config.recentLots, let first = recent.first?.value,
                recent.allSatisfy({ $0.value == first })
            else { return nil }
            let unit = recent.first?.unit.map { " \($0)" } ?? ""
            let name = key.characteristic.prefix(1).uppercased() + key.characteristic.dropFirst()
            let message =
                "\(name) of \(key.materialId) is reported as exactly \(Fmt.number(first))\(unit) "
                + "on each of the last \(recent.count) lots (\(recent.first?.lotNumber ?? "")…"
                + "\(recent.last?.lotNumber ?? "")): implausibly constant."
            return Flag(
                supplierId: supplierId, materialId: key.materialId, characteristic: key.characteristic,
                kind: .coaCredibility, severity: .warning, message: message,
                evidence: .object([
                    "rule": "constant_values", "value": .number(first),
                    "lots": .array(recent.map { .string($0.lotNumber) }),
                ]))
        }
    }

    /// Mean (CoA − our lab) over at least 5 shared lots beyond two standard errors and beyond 5 % of the
    /// tolerance width (one-sided: of the distance from our lab's mean to the limit).
    func labOffsets(
        _ series: [(DriftAnalysis.SeriesKey, [LotMeasurement])], inputs: SupplierInputs, asOf: Day
    )
        -> [Flag]
    {
        var lab: [DriftAnalysis.SeriesKey: [String: [Double]]] = [:]
        for r in inputs.inspections where r.measuredOn <= asOf {
            guard let lot = r.lotNumber else { continue }
            lab[
                DriftAnalysis.SeriesKey(materialId: r.materialId, characteristic: r.characteristic),
                default: [:]][
                    lot, default: []
                ].append(r.value)
        }
        return series.compactMap { key, ms in
            guard let ours = lab[key] else { return nil }
            var pairs: [(lot: String, coa: Double, lab: Double)] = []
            for m in ms {
                if let v = m.value, let labValues = ours[m.lotNumber], let l = Stats.mean(labValues) {
                    pairs.append((m.lotNumber, v, l))
                }
            }
            let diffs = pairs.map { $0.coa - $0.lab }
            guard pairs.count >= config.credibilityMinLabLots, let mean = Stats.mean(diffs),
                let sd = Stats.sampleSD(diffs), let last = ms.last
            else { return nil }
            let se = sd / Double(diffs.count).squareRoot()
            let labMean = Stats.mean(pairs.map(\.lab)) ?? 0
            let width: Double
            if let l = last.lowerLimit, let u = last.upperLimit {
                width = u - l
            } else if let limit = last.upperLimit ?? last.lowerLimit {
                width = abs(limit - labMean)
            } else {
                return nil
            }
            guard abs(mean) > 2 * se, abs(mean) > config.credibilityOffsetFraction * width else { return nil }
            let unit = last.unit.map { " \($0)" } ?? ""
            let message =
                "CoAs for \(key.characteristic) of \(key.materialId) read \(Fmt.number(abs(mean)))\(unit) "
                + "\(mean > 0 ? "higher" : "lower") than our lab on average over \(pairs.count) lots "
                + "(standard error \(Fmt.number(se))\(unit), \(Fmt.percent(abs(mean) / width)) of the tolerance)."
            return Flag(
                supplierId: supplierId, materialId: key.materialId, characteristic: key.characteristic,
                kind: .coaCredibility, severity: inputs.isCritical(key.materialId) ? .critical : .warning,
                message: message,
                evidence: .object([
                    "rule": "lab_offset", "mean_difference": .number(mean), "standard_error": .number(se),
                    "reference_width": .number(width),
                    "lots": .array(
                        pairs.map {
                            .object([
                                "lot_number": .string($0.lot), "coa": .number($0.coa), "lab": .number($0.lab),
                            ])
                        }),
                ]))
        }
    }
}

/// One reported result, compared by its exact bits (so 0 and -0, printed differently, stay apart).
private struct ExactResult: Hashable {
    var characteristic: String
    var bits: UInt64
    var value: Double

    init(_ characteristic: String, _ value: Double) {
        self.characteristic = characteristic
        bits = value.bitPattern
        self.value = value
    }

    static func == (a: ExactResult, b: ExactResult) -> Bool {
        a.bits == b.bits && a.characteristic == b.characteristic
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(characteristic)
        hasher.combine(bits)
    }

    /// As the flag's message and evidence show it.
    var text: String { "\(characteristic)=\(value)" }
}
