import Domain

/// What the index's "Today" block needs of one supplier, from its decision and its score.
public struct TodayCandidate: Sendable, Hashable {
    public var supplierId: String
    public var status: SupplierStatus
    public var verdictRisk: VerdictRisk
    public var priorityRiskLevel: String?
    public var action: String?
    public var openOrderValue: Double?

    public init(
        supplierId: String, status: SupplierStatus, verdictRisk: VerdictRisk, priorityRiskLevel: String?,
        action: String?, openOrderValue: Double?
    ) {
        self.supplierId = supplierId
        self.status = status
        self.verdictRisk = verdictRisk
        self.priorityRiskLevel = priorityRiskLevel
        self.action = action
        self.openOrderValue = openOrderValue
    }

    public init(_ decision: SupplierDecision, score: SupplierScore) {
        self.init(
            supplierId: decision.supplierId, status: decision.status.status, verdictRisk: decision.risk,
            priorityRiskLevel: score.riskLevel?.rawValue, action: decision.status.action,
            openOrderValue: decision.openOrderValue)
    }
}

/// One line of "Today", as the run ranks and stores it (`scorecard_store.today_lines`).
public struct TodayStanding: Sendable, Hashable {
    public enum Urgency: String, Sendable, Hashable, CaseIterable {
        case urgent
        case thisWeek = "this_week"
        case watch
    }

    public var supplierId: String
    /// 1 = first line.
    public var rank: Int
    public var urgency: Urgency
    /// Critical materials it is the only usable source of, by id.
    public var soleSourced: [String]
    /// Its other critical materials, by id.
    public var criticalMaterials: [String]
    /// Open order value over its materials (currency not recorded).
    public var openOrderValue: Double?
}

/// Orders the suppliers that need a buyer today: by urgency, then the one with an open critical flag, then
/// by what is at stake (sole-sourced critical materials, other critical materials, open order value), then
/// by supplier id.
///
/// Urgent: probation or an open critical flag. This week: conditional, an open warning, or a high verdict
/// or delivery-priority risk. Watch: any other supplier with an action. Others have no line.
public enum TodayRanking {
    public static func rank(
        _ candidates: [TodayCandidate], flags: [Flag], sources: [ApprovedSource], sourcing: [MaterialSourcing]
    ) -> [TodayStanding] {
        let flagsBySupplier = Dictionary(grouping: flags.filter { $0.supplierId != nil }) {
            $0.supplierId ?? ""
        }
        let known = Dictionary(
            sourcing.filter { $0.criticality != nil }.map { ($0.materialId, $0) },
            uniquingKeysWith: { a, _ in a })
        let suppliedBy = Dictionary(grouping: sources, by: \.supplierId)
        typealias Entry = (standing: TodayStanding, critical: Bool)
        var entries: [Entry] = []
        for c in candidates {
            let own = flagsBySupplier[c.supplierId] ?? []
            guard let urgency = urgency(c, flags: own) else { continue }
            let supplied = Set((suppliedBy[c.supplierId] ?? []).map(\.materialId)).sorted().compactMap {
                known[$0]
            }
            entries.append(
                (
                    TodayStanding(
                        supplierId: c.supplierId, rank: 0, urgency: urgency,
                        soleSourced: supplied.filter(\.singleSourced).map(\.materialId),
                        criticalMaterials: supplied.filter {
                            $0.criticality == .critical && !$0.singleSourced
                        }
                        .map(\.materialId),
                        openOrderValue: c.openOrderValue),
                    own.contains { $0.severity == .critical }
                ))
        }
        let levels = TodayStanding.Urgency.allCases
        func level(_ u: TodayStanding.Urgency) -> Int { levels.firstIndex(of: u) ?? levels.count }
        let sorted = entries.sorted { a, b in
            let (x, y) = (a.standing, b.standing)
            if x.urgency != y.urgency { return level(x.urgency) < level(y.urgency) }
            if a.critical != b.critical { return a.critical }
            if x.soleSourced.count != y.soleSourced.count { return x.soleSourced.count > y.soleSourced.count }
            if x.criticalMaterials.count != y.criticalMaterials.count {
                return x.criticalMaterials.count > y.criticalMaterials.count
            }
            let (vx, vy) = (x.openOrderValue ?? 0, y.openOrderValue ?? 0)
            if vx != vy { return vx > vy }
            return x.supplierId < y.supplierId
        }
        return sorted.enumerated().map { index, entry in
            var standing = entry.standing
            standing.rank = index + 1
            return standing
        }
    }

    static func urgency(_ c: TodayCandidate, flags: [Flag]) -> TodayStanding.Urgency? {
        if c.status == .probation || flags.contains(where: { $0.severity == .critical }) { return .urgent }
        if c.status == .conditional || flags.contains(where: { $0.severity == .warning })
            || c.verdictRisk == .high
            || c.priorityRiskLevel == "high"
        {
            return .thisWeek
        }
        return c.action == nil ? nil : .watch
    }
}
