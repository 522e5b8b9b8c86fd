import Domain

/// Turns one supplier's scoring result into its decisions (status, readiness, inspection level; docs/decisions.md). Pure: the same inputs give the
/// same decision.
public struct DecisionMaker: Sendable {
    public var config: DecisionConfig
    /// The scoring configuration the result was computed with (grace, in-full tolerance, CoA deadline,
    /// response SLA are reused, so each has one definition).
    public var scoring: ScoringConfig

    public init(config: DecisionConfig, scoring: ScoringConfig = ScoringConfig()) {
        self.config = config
        self.scoring = scoring
    }

    /// Decides for one supplier. `result` must come from `Scorer.score(inputs, asOf:)`; the as-of day and
    /// windows are taken from it. The look-back is its baseline window plus its current window.
    /// `specifications` are the specification versions of the supplier's materials (others are ignored);
    /// `exposure` the run-level flags naming this supplier (`single_source`, `coa_rejected`): the verdict
    /// sees them, and stores none of them.
    public func decide(
        result: SupplierResult, inputs: SupplierInputs, specifications: [SpecificationVersion] = [],
        previous: PreviousDecision? = nil, exposure: [Flag] = []
    ) -> SupplierDecision {
        let supplierId = inputs.supplier.supplierId
        let asOf = result.currentWindow.last
        let lookBack = DayWindow(first: result.baselineWindow.first, last: asOf)
        let judged = result.baselineDelivery.outcomes + result.delivery.outcomes
        let materials = Set(
            inputs.orderLines.filter { !$0.cancelled && $0.orderedOn <= asOf }.map(\.materialId)
                + inputs.measurements.map(\.materialId)
        ).sorted()
        // One pass to split the inputs: each material's work then scans only its own rows.
        let inputsByMaterial = inputs.byMaterial()
        func only(_ material: String) -> SupplierInputs {
            inputsByMaterial[material] ?? SupplierInputs(supplier: inputs.supplier)
        }
        let lotsByMaterial = Dictionary(
            uniqueKeysWithValues: materials.map {
                (
                    $0,
                    LotRecord.history(
                        only($0), material: $0, window: lookBack, asOf: asOf,
                        coaDeadlineDays: scoring.missingCoADays)
                )
            })
        let capabilities = materials.flatMap {
            LotCapability.of(
                only($0).measurements, material: $0, maxLots: config.readinessCpkLots, window: lookBack,
                sdFloorFraction: scoring.sdFloorFraction)
        }
        let gaps = ScaleUpGaps(config: config, supplierId: supplierId)
        let gapFlags = materials.flatMap {
            gaps.flags(
                material: $0, inputs: only($0), delivery: result.delivery, window: result.currentWindow,
                asOf: asOf)
        }
        // Every flag the verdicts see: the scorer's, this supplier's run-level ones, and the scale-up gaps.
        let allFlags = result.flags + exposure.filter { $0.supplierId == supplierId } + gapFlags
        let rules = StatusRules(config: config)
        let verdict = VerdictRules(config: config)
        let actions = ActionWriter(supplierId: supplierId)
        let s = result.score

        let own = rules.recommend(
            StatusFigures(
                lots: lotsByMaterial.values.reduce(0) { $0 + $1.count }, judgedLines: judged.count,
                judgedOnTime: judged.filter(\.onTime).count,
                currentLines: result.delivery.dueLines,
                onTimeLines: result.delivery.outcomes.filter(\.onTime).count,
                currentLots: s.lotsReceived, rejectedLots: s.rejectedLots,
                receivedQuantity: s.receivedQuantity,
                defectiveQuantity: s.defectiveQuantity, coaResults: s.coaResults,
                coaPasses: Self.passes(s.coaConformanceRate, of: s.coaResults), capabilities: capabilities,
                flags: allFlags),
            supplierId: supplierId, materialId: nil)

        var materialStatuses: [StatusRecommendation] = []
        var figures: [MaterialFigures] = []
        let figuresCalc = MaterialFiguresCalculator(config: scoring)
        for material in materials {
            let lots = lotsByMaterial[material] ?? []
            let lines = judged.filter { $0.materialId == material }
            let current = result.delivery.outcomes.filter { $0.materialId == material }
            let quality = QualityCalculator(config: scoring).figures(
                only(material), window: result.currentWindow, asOf: asOf)
            figures.append(
                figuresCalc.figures(
                    only(material), material: material, outcomes: current, quality: quality,
                    window: result.currentWindow, asOf: asOf))
            var status = rules.recommend(
                StatusFigures(
                    lots: lots.count, judgedLines: lines.count, judgedOnTime: lines.filter(\.onTime).count,
                    currentLines: current.count,
                    onTimeLines: current.filter(\.onTime).count, currentLots: quality.lotsReceived,
                    rejectedLots: quality.rejectedLots, receivedQuantity: quality.receivedQuantity,
                    defectiveQuantity: quality.defectiveQuantity, coaResults: quality.coaResults,
                    coaPasses: Self.passes(quality.coaConformanceRate, of: quality.coaResults),
                    capabilities: capabilities.filter { $0.materialId == material },
                    flags: allFlags.filter { $0.materialId == material }),
                supplierId: supplierId, materialId: material)
            status.action = actions.action(for: status)
            materialStatuses.append(status)
        }
        var supplierStatus = verdict.supplierStatus(own: own, materials: materialStatuses)
        supplierStatus.action = actions.action(for: supplierStatus)

        var readiness: [ScaleUpReadiness] = []
        var inspection: [InspectionRecommendation] = []
        let readinessRules = ReadinessRules(config: config, scoring: scoring)
        let switching = InspectionSwitching(config: config)
        let responsiveness = readinessRules.responsiveness(s)
        let risk = readinessRules.noPriorityRisk(s, flags: result.flags)
        for (material, status) in zip(materials, materialStatuses) {
            let lots = lotsByMaterial[material] ?? []
            let lines = judged.filter { $0.materialId == material }
                .sorted { ($0.due, $0.orderLineId) < ($1.due, $1.orderLineId) }
            let delivery = readinessRules.delivery(lines)
            let specified = specifications.contains { $0.materialId == material }
            readiness.append(
                ScaleUpReadiness(
                    supplierId: supplierId, materialId: material,
                    conditions: verdict.gates(
                        material: material, status: status, supplier: supplierStatus, flags: allFlags)
                        + [
                            readinessRules.specUnchanged(
                                specifications, material: material, window: lookBack),
                            readinessRules.consecutiveConformingLots(lots),
                            readinessRules.capability(capabilities, material: material, specified: specified),
                            delivery.otd, delivery.leadTime, responsiveness, risk,
                        ]))
            let replay = switching.recommend(
                supplierId: supplierId, materialId: material, lots: lots, asOf: asOf,
                processFindings: StatusRules.summaries(
                    result.flags.filter { $0.materialId == material && Self.processKinds.contains($0.kind) }))
            inspection.append(verdict.inspection(replay, status: status, flags: allFlags))
        }
        let statuses = [supplierStatus] + materialStatuses
        return SupplierDecision(
            supplierId: supplierId, status: supplierStatus, materialStatuses: materialStatuses,
            changes: StatusChange.changes(previous: previous, current: statuses), readiness: readiness,
            inspection: inspection,
            overall: verdict.capped(
                OverallScoring(config: config).score(s), status: supplierStatus.status, flags: allFlags),
            readyMaterials: readiness.filter(\.ready).map(\.materialId),
            risk: VerdictRules.risk(level: s.riskLevel, flags: allFlags),
            flags: gapFlags.sorted(by: Flag.deterministicOrder), materialFigures: figures,
            openOrderValue: MaterialFigures.totalOpenValue(figures))
    }

    /// CoA results that passed, from the conformance rate and the count it is over.
    static func passes(_ rate: Double?, of results: Int) -> Int {
        min(results, max(0, rate.flatMap { ($0 * Double(results)).roundedInteger } ?? 0))
    }
}

extension DecisionMaker {
    /// Flags that say the material's process is not stable: no skip-lot while one is open.
    static let processKinds: Set<FlagKind> = [.outOfTolerance, .edgeOfToleranceDrift, .coaCredibility]
}

extension SupplierInputs {
    /// The same supplier's inputs split by material (communications are not per material: each part
    /// keeps them all).
    func byMaterial() -> [String: SupplierInputs] {
        var parts: [String: SupplierInputs] = [:]
        let empty = SupplierInputs(
            supplier: supplier, communications: communications, materialCriticality: materialCriticality)
        // Mutating through the defaulted subscript appends in place (no copy of the arrays per row).
        func edit(_ material: String, _ change: (inout SupplierInputs) -> Void) {
            change(&parts[material, default: empty])
        }
        for l in orderLines { edit(l.materialId) { $0.orderLines.append(l) } }
        for d in defects { edit(d.materialId) { $0.defects.append(d) } }
        for q in quotations { edit(q.materialId) { $0.quotations.append(q) } }
        for m in measurements { edit(m.materialId) { $0.measurements.append(m) } }
        for l in lots { edit(l.materialId) { $0.lots.append(l) } }
        return parts
    }
}

extension DecisionMaker {
    /// Run-level exposure across suppliers: `single_source` per critical material (see `SingleSourceCheck`).
    public func singleSourceFlags(sources: [ApprovedSource], criticality: [String: MaterialCriticality])
        -> [Flag]
    {
        SingleSourceCheck(config: config).flags(sources: sources, criticality: criticality)
    }

    /// Every material's sourcing by the same rule as ``singleSourceFlags(sources:criticality:)``.
    public func materialSourcing(sources: [ApprovedSource], criticality: [String: MaterialCriticality])
        -> [MaterialSourcing]
    {
        SingleSourceCheck(config: config).sourcing(sources: sources, criticality: criticality)
    }
}
