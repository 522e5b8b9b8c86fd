import Domain
import Testing

@testable import Scoring

/// The run's ranking of the index's "Today" lines: urgency, an open critical flag, then what is at stake.
@Suite struct TodayRankingTests {
    static func candidate(
        _ id: String, _ status: SupplierStatus, risk: VerdictRisk = .low, action: String? = nil,
        open: Double? = nil
    ) -> TodayCandidate {
        TodayCandidate(
            supplierId: id, status: status, verdictRisk: risk, priorityRiskLevel: nil, action: action,
            openOrderValue: open)
    }

    static func sourcing(_ id: String, _ criticality: MaterialCriticality, single: Bool) -> MaterialSourcing {
        MaterialSourcing(
            materialId: id, criticality: criticality, sources: 1, usableSources: single ? 1 : 2,
            requiredSources: criticality == .critical ? 2 : nil, singleSourced: single)
    }

    @Test func urgencyThenCriticalFlagThenStakeThenOpenValue() {
        let candidates = [
            Self.candidate("S-QUIET", .qualified),
            Self.candidate("S-WATCH", .qualified, action: "Review."),
            Self.candidate("S-COND-SMALL", .conditional, open: 100),
            Self.candidate("S-COND-BIG", .conditional, open: 5_000),
            Self.candidate("S-COND-SOLE", .conditional, open: 1),
            Self.candidate("S-PROB", .probation),
            Self.candidate("S-CRIT", .qualified),
        ]
        let flags = [
            Flag(
                supplierId: "S-CRIT", kind: .outOfTolerance, severity: .critical, message: "out",
                evidence: [:])
        ]
        let sources = [
            ApprovedSource(supplierId: "S-COND-SOLE", materialId: "M-1", status: .approved),
            ApprovedSource(supplierId: "S-COND-SOLE", materialId: "M-2", status: .approved),
            ApprovedSource(supplierId: "S-COND-SOLE", materialId: "M-UNKNOWN", status: .approved),
        ]
        let sourcing = [
            Self.sourcing("M-1", .critical, single: true), Self.sourcing("M-2", .critical, single: false),
            MaterialSourcing(
                materialId: "M-UNKNOWN", criticality: nil, sources: 1, usableSources: 1, requiredSources: nil,
                singleSourced: false),
        ]
        let ranked = TodayRanking.rank(candidates, flags: flags, sources: sources, sourcing: sourcing)
        #expect(
            ranked.map(\.supplierId) == [
                "S-CRIT", "S-PROB", "S-COND-SOLE", "S-COND-BIG", "S-COND-SMALL", "S-WATCH",
            ])
        #expect(ranked.map(\.rank) == Array(1...6))
        #expect(ranked.map(\.urgency) == [.urgent, .urgent, .thisWeek, .thisWeek, .thisWeek, .watch])
        let sole = ranked.first { $0.supplierId == "S-COND-SOLE" }
        #expect(
            sole?.soleSourced == ["M-1"] && sole?.criticalMaterials == ["M-2"] && sole?.openOrderValue == 1)
    }

    @Test func noCandidatesNoLines() {
        #expect(TodayRanking.rank([], flags: [], sources: [], sourcing: []).isEmpty)
    }
}
