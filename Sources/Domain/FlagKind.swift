/// The kinds of flag a run raises. These names are a contract with buyers' SQL (`scorecard.supplier_flags.kind`).
public enum FlagKind: String, Sendable, Hashable, CaseIterable, Codable {
    case priorityPositionRisk = "priority_position_risk"
    case edgeOfToleranceDrift = "edge_of_tolerance_drift"
    case outOfTolerance = "out_of_tolerance"
    case missingCoA = "missing_coa"
    case coaRejected = "coa_rejected"
    case coaCredibility = "coa_credibility"
    case singleSource = "single_source"
    case scaleUpCostGap = "scale_up_cost_gap"
    case scaleUpLeadTimeGap = "scale_up_lead_time_gap"
    case slowResponse = "slow_response"
}
