import Domain

/// Everything the decisions conclude for one supplier in one run.
public struct SupplierDecision: Sendable, Hashable {
    public var supplierId: String
    /// The supplier as a whole.
    public var status: StatusRecommendation
    /// Per material the supplier delivered in the look-back, ordered by material.
    public var materialStatuses: [StatusRecommendation]
    /// Changes against the previous run's statuses (supplier first, then materials).
    public var changes: [StatusChange]
    public var readiness: [ScaleUpReadiness]
    public var inspection: [InspectionRecommendation]
    public var overall: OverallScore
    /// The materials this supplier is ready for volume with (the supplier-level readiness), by id.
    public var readyMaterials: [String] = []
    /// The priority-position risk raised by the severity of the open flags.
    public var risk: VerdictRisk = .unknown
    /// `scale_up_cost_gap` and `scale_up_lead_time_gap` flags of this supplier (single source is
    /// run-level: `SingleSourceCheck`).
    public var flags: [Flag]
    /// Per material (as ``materialStatuses``): the current window's figures of the pair.
    public var materialFigures: [MaterialFigures] = []
    /// Open order value over all the supplier's materials (currency not recorded); nil when no open
    /// line has a price. What is at stake with this supplier.
    public var openOrderValue: Double?
}
