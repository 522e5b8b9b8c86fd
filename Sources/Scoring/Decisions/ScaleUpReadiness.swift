/// Whether one readiness condition holds. Stored as text.
public enum ConditionState: String, Sendable, Hashable, CaseIterable {
    case met
    case notMet = "not_met"
    /// Nothing to judge it by: the supplier has not proved it, so it is not ready either.
    case noData = "no_data"
    /// Data, but the bound still holds the threshold: neither shown met nor shown not met.
    case tooFew = "too_few_to_judge"
}

/// Scale-up readiness of a supplier × material as a whole. Stored as text.
public enum ReadinessState: String, Sendable, Hashable {
    case ready
    /// A condition is shown not met.
    case notReady = "not_ready"
    /// Nothing shown not met, but something not yet shown met.
    case tooFewToJudge = "too_few_to_judge"
}

/// One condition of scale-up readiness with the figures that decided it.
public struct ReadinessCondition: Sendable, Hashable {
    /// Stable key: `spec_unchanged`, `consecutive_conforming_lots`, `cpk`, `otd_last_lines`,
    /// `lead_time_cv`, `responsiveness`, `no_priority_risk`.
    public var key: String
    public var state: ConditionState
    /// Plain words with the figures, e.g. "12 consecutive conforming lots (10 needed)".
    public var detail: String
    /// The same figures as fields, so readers need not parse `detail`; nil when the condition has none.
    public var figure: ConditionFigure? = nil

    public var met: Bool { state == .met }
}

/// The figure a readiness condition judged, in `unit`: rates are fractions 0–1.
public struct ConditionFigure: Sendable, Hashable {
    /// `fraction`, `cpk`, `lots`, `cv` or `score`.
    public var unit: String
    public var value: Double?
    public var threshold: Double?
    /// The confidence bound that decided the state (upper when shown not met, lower otherwise).
    public var bound: Double?
    /// Lines, lots or messages the figure rests on.
    public var n: Int?
    /// For `cpk`: the characteristic the value belongs to.
    public var characteristic: String?

    public init(
        unit: String, value: Double?, threshold: Double?, bound: Double? = nil, n: Int?,
        characteristic: String? = nil
    ) {
        self.unit = unit
        self.value = value
        self.threshold = threshold
        self.bound = bound
        self.n = n
        self.characteristic = characteristic
    }
}

/// `scale_up_ready` of one supplier × material: ready when every condition is met.
public struct ScaleUpReadiness: Sendable, Hashable {
    public var supplierId: String
    public var materialId: String
    public var conditions: [ReadinessCondition]

    public var ready: Bool { !conditions.isEmpty && conditions.allSatisfy(\.met) }
    public var state: ReadinessState {
        if ready { return .ready }
        return conditions.contains { $0.state == .notMet } ? .notReady : .tooFewToJudge
    }
    public var conditionsMet: [ReadinessCondition] { conditions.filter(\.met) }
    public var conditionsNotMet: [ReadinessCondition] { conditions.filter { !$0.met } }
}
