extension DecisionConfig {
    /// What is wrong with the values, each message naming its configuration-file key (docs/decisions.md);
    /// empty when the configuration is usable. Covers the ranges and the rules between keys (bands in
    /// order, conditional limits no looser than probation ones, weights not all zero), so the job can stop
    /// before anything is written.
    public var problems: [String] {
        var out: [String] = []
        func share(_ value: Double, _ key: String) {
            if !(0...1).contains(value) { out.append("\(key) must be a fraction from 0 to 1, not \(value)") }
        }
        func atLeast<T: Comparable>(_ value: T, _ minimum: T, _ key: String) {
            if value < minimum { out.append("\(key) must be at least \(minimum), not \(value)") }
        }
        atLeast(qualificationMinLots, 0, "status.qualification_min_lots")
        atLeast(qualificationMinDueLines, 0, "status.qualification_min_due_lines")
        share(probationOTD, "status.probation_otd")
        share(conditionalOTD, "status.conditional_otd")
        share(probationConformance, "status.probation_conformance")
        share(conditionalConformance, "status.conditional_conformance")
        atLeast(probationPPM, 0, "status.probation_ppm")
        atLeast(conditionalPPM, 0, "status.conditional_ppm")
        if conditionalOTD < probationOTD {
            out.append(
                "status.conditional_otd (\(conditionalOTD)) must not be below status.probation_otd (\(probationOTD))"
            )
        }
        if conditionalConformance < probationConformance {
            out.append(
                "status.conditional_conformance (\(conditionalConformance)) must not be below "
                    + "status.probation_conformance (\(probationConformance))")
        }
        if conditionalPPM > probationPPM {
            out.append(
                "status.conditional_ppm (\(conditionalPPM)) must not be above status.probation_ppm (\(probationPPM))"
            )
        }
        share(probationLotRejection, "status.probation_lot_rejection")
        share(conditionalLotRejection, "status.conditional_lot_rejection")
        if conditionalLotRejection > probationLotRejection {
            out.append(
                "status.conditional_lot_rejection (\(conditionalLotRejection)) must not be above "
                    + "status.probation_lot_rejection (\(probationLotRejection))")
        }
        if !(conditionalCpk > 0) {
            out.append("status.conditional_cpk must be above 0, not \(conditionalCpk)")
        }
        for (key, c) in [
            ("status.probation_confidence", probationConfidence),
            ("status.conditional_confidence", conditionalConfidence),
            ("readiness.confidence", readinessConfidence),
        ] where !(0.5...0.9999).contains(c) {
            out.append("\(key) must be a confidence from 0.5 to 0.9999, not \(c)")
        }
        atLeast(limitsMinDueLines, 0, "status.limits_min_due_lines")
        atLeast(limitsMinLots, 0, "status.limits_min_lots")
        atLeast(readinessLots, 1, "readiness.lots")
        if !(readinessCpk > 0) { out.append("readiness.cpk must be above 0, not \(readinessCpk)") }
        atLeast(readinessCpkMinLots, 2, "readiness.cpk_min_lots")
        atLeast(readinessCpkLots, readinessCpkMinLots, "readiness.cpk_lots")
        atLeast(readinessDueLines, 1, "readiness.due_lines")
        share(readinessOTD, "readiness.otd")
        atLeast(readinessLeadTimeCV, 0, "readiness.lead_time_cv")
        share(readinessWithinSLARate, "readiness.within_sla")
        atLeast(minimumSources, 1, "exposure.minimum_sources")
        atLeast(costGap, 0, "exposure.cost_gap")
        atLeast(leadTimeGapFactor, 1, "exposure.lead_time_gap_factor")
        if !(2...3).contains(switchingScorePerLot) {
            out.append(
                "inspection.switching_score_per_lot must be 2 or 3 (ISO 2859-1), not \(switchingScorePerLot)")
        }
        atLeast(switchingScoreLimit, 1, "inspection.switching_score_limit")
        atLeast(productionGapDays, 1, "inspection.production_gap_days")
        atLeast(discontinueRejections, 1, "inspection.discontinue_rejections")
        atLeast(skipLotLots, 1, "inspection.skip_lot_lots")
        atLeast(skipLotHistoryDays, 0, "inspection.skip_lot_history_days")
        let weights = [
            ("score.weight_quality", weightQuality), ("score.weight_delivery", weightDelivery),
            ("score.weight_responsiveness", weightResponsiveness), ("score.weight_risk", weightRisk),
        ]
        for (key, w) in weights { atLeast(w, 0, key) }
        if weights.allSatisfy({ $0.1 <= 0 }) { out.append("score.weight_* must not all be 0") }
        if !(qualityZeroPPM > 0) {
            out.append("score.quality_zero_ppm must be above 0, not \(qualityZeroPPM)")
        }
        for (key, zero) in [
            ("score.delivery_zero_rate", deliveryZeroRate),
            ("score.responsiveness_zero_rate", responsivenessZeroRate),
            ("score.lot_acceptance_zero_rate", lotAcceptanceZeroRate),
            ("score.conformance_zero_rate", conformanceZeroRate),
        ] where !(0..<1).contains(zero) {
            out.append("\(key) must be from 0 to below 1, not \(zero)")
        }
        for (key, band) in [("score.grade_a", gradeA), ("score.grade_b", gradeB), ("score.grade_c", gradeC)]
        where !(0...100).contains(band) {
            out.append("\(key) must be from 0 to 100, not \(band)")
        }
        if !(gradeA >= gradeB && gradeB >= gradeC) {
            out.append(
                "score.grade_a ≥ score.grade_b ≥ score.grade_c must hold (\(gradeA), \(gradeB), \(gradeC))")
        }
        return out
    }
}
