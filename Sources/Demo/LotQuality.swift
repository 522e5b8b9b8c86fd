import Domain

/// What one lot measured, what our lab found, and what went wrong with it: each drawn from the lot's own
/// stream, so any table or the CoA writer can ask for it alone and get the same answer.
enum LotQuality {
    /// A characteristic's true value in one lot, with the specification version it was made under.
    struct Measured {
        var characteristic: CharacteristicPlan
        var version: SpecVersion
        var value: Double
    }

    /// Story suppliers' scatter is truncated at ±3.3 σ, so nothing alarming happens to them by chance.
    static let storyTruncation = 3.3

    static func measurements(
        plan: WorldPlan, source: SourcePlan, receipt: Receipt, lots: Int
    ) -> [Measured] {
        let supplier = plan.suppliers[source.supplier]
        let material = plan.materials[source.material]
        var random = DemoRandom(
            seed: plan.seed, WorldPlan.Stream.measurement.rawValue, UInt64(source.index),
            UInt64(receipt.ordinal))
        var result: [Measured] = []
        result.reserveCapacity(material.characteristics.count)
        for characteristic in material.characteristics {
            let version = characteristic.version(on: receipt.manufactured)
            var z = random.normal()
            if supplier.isStory { z = min(max(z, -storyTruncation), storyTruncation) }
            var value: Double
            if let lower = version.lower, let upper = version.upper {
                let width = upper - lower
                let middle = (lower + upper) / 2
                value = middle + supplier.offsetShare * width + supplier.sigmaShare * width * z
                if characteristic.template.name == source.driftCharacteristic,
                    let position = driftPosition(ordinal: receipt.ordinal, lots: lots)
                {
                    // Steadily up from just above the middle into the outer tenth, never out.
                    value = middle + width * (0.08 + 0.40 * position) + width * 0.006 * z
                    value = min(value, upper - width * 0.02)
                }
            } else if let upper = version.upper {
                // Impurities and moisture: typically a third of the limit, never below zero.
                value = upper * (0.35 + supplier.offsetShare) + supplier.sigmaShare * upper * 0.8 * z
                value = max(value, upper * 0.02)
            } else {
                let lower = version.lower ?? 0
                value = lower * 1.1 + abs(lower) * supplier.sigmaShare * z
            }
            result.append(Measured(characteristic: characteristic, version: version, value: value))
        }
        return result
    }

    /// Lots that drift: the last 14 (fewer when the series is short, always after ten centred ones).
    /// Returns how far along the drift a lot is, in (0, 1], or nil for a centred lot.
    static func driftPosition(ordinal: Int, lots: Int) -> Double? {
        let drifting = min(14, lots - 10)
        guard drifting > 0 else { return nil }
        let start = lots - drifting
        guard ordinal >= start else { return nil }
        return Double(ordinal - start + 1) / Double(drifting)
    }

    /// Whether a lot comes with a CoA, and whether that file is broken.
    enum CoAFate {
        case none
        case good
        case broken(BrokenKind)
    }

    enum BrokenKind: CaseIterable {
        case malformed, unknownMaterial, missingLot
    }

    static func coaFate(plan: WorldPlan, source: SourcePlan, receipt: Receipt) -> CoAFate {
        let supplier = plan.suppliers[source.supplier]
        guard plan.materials[source.material].specified, receipt.lot != nil else { return .none }
        var random = DemoRandom(
            seed: plan.seed, WorldPlan.Stream.coa.rawValue, UInt64(source.index), UInt64(receipt.ordinal))
        if random.chance(supplier.missingCoAShare) { return .none }
        if !supplier.isStory && random.chance(plan.size.brokenCoAShare) {
            return .broken(random.pick(BrokenKind.allCases))
        }
        return .good
    }

    struct Defect {
        var withReceipt: Bool
        var detected: Int
        var severity: String
        var defectiveQuantity: Double
        var disposition: String
        var description: String
    }

    static func defect(plan: WorldPlan, source: SourcePlan, receipt: Receipt) -> Defect? {
        let supplier = plan.suppliers[source.supplier]
        var random = DemoRandom(
            seed: plan.seed, WorldPlan.Stream.defect.rawValue, UInt64(source.index), UInt64(receipt.ordinal))
        guard random.chance(supplier.defectRate) else { return nil }
        let severity = ["minor", "major", "critical"][random.weighted([0.6, 0.3, 0.1])]
        let disposition = ["reject", "return", "rework", "use_as_is"][
            random.weighted([0.25, 0.2, 0.25, 0.3])]
        let whole = (disposition == "reject" || disposition == "return") && random.chance(0.3)
        let share = whole ? 1 : random.uniform(0.002, 0.05)
        let latest = instant(plan.asOf, minutes: 23 * 60)
        let detected = min(latest, receipt.received + random.int(1...10 * 24) * 3600)
        return Defect(
            withReceipt: !random.chance(0.05), detected: max(detected, receipt.received), severity: severity,
            defectiveQuantity: (receipt.quantity * share * 10).rounded() / 10, disposition: disposition,
            description: random.pick(Catalogue.defectDescriptions))
    }

    /// Our own lab's result on an inspected lot: the truth plus a little lab noise.
    static func inspections(
        plan: WorldPlan, source: SourcePlan, receipt: Receipt, measured: [Measured]
    ) -> [(characteristic: String, value: Double, unit: String, decimals: Int, at: Int)]? {
        var random = DemoRandom(
            seed: plan.seed, WorldPlan.Stream.inspection.rawValue, UInt64(source.index),
            UInt64(receipt.ordinal))
        guard random.chance(plan.size.inspectedShare) else { return nil }
        let supplier = plan.suppliers[source.supplier]
        let at = receipt.received + 86_400 + random.int(0...8 * 60) * 60
        guard at <= instant(plan.asOf, minutes: 23 * 60) else { return nil }
        return measured.map { m in
            let scale =
                m.version.lower.flatMap { lower in m.version.upper.map { $0 - lower } }
                ?? (m.version.upper ?? 1)
            let noise = supplier.sigmaShare * scale * 0.3 * random.normal()
            return (
                m.characteristic.template.name, max(0, m.value + noise), m.characteristic.template.unit,
                m.characteristic.template.decimals + 1, at
            )
        }
    }
}
