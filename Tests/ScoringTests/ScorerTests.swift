import Domain
import Testing

@testable import Scoring

private let asOf = B.day("2026-06-30")

@Suite struct ScorerTests {
    /// A noisy but centred supplier: 50 lots of N(5, 1.5) on spec 0–10 (Cp 1.1, many edge lots).
    static func noisyCentred(seed: UInt64) -> [LotMeasurement] {
        var normal = SeededNormal(seed: seed)
        return (0..<50).map { i in
            let v = ((5 + 1.5 * normal.next()) * 100).rounded() / 100
            let verdict: Verdict = v < 0 || v > 10 ? .fail : (v <= 1 || v >= 9) ? .edge : .pass
            return B.measurement(
                String(format: "N-%02d", i), day: B.day("2026-05-01").advanced(by: i).iso, value: v,
                verdict: verdict)
        }
    }

    @Test func noisyCentredSupplierRaisesNoDrift() {
        var flagged = 0
        for seed in UInt64(1)...20 {
            let result = Scorer(config: ScoringConfig()).score(
                SupplierInputs(supplier: B.supplier, measurements: Self.noisyCentred(seed: seed)), asOf: asOf)
            if result.flags.contains(where: { $0.kind == .edgeOfToleranceDrift }) { flagged += 1 }
        }
        #expect(flagged == 0)
    }

    @Test func sameInputsSameOutputs() {
        let inputs = SupplierInputs(
            supplier: B.supplier, orderLines: DeliveryTests.lines, defects: QualityTests.inputs().defects,
            communications: ResponsivenessTests.messages, quotations: DeliveryTests.quotations,
            measurements: QualityTests.inputs().measurements + Self.noisyCentred(seed: 3),
            lots: QualityTests.inputs().lots, materialCriticality: ["MAT-1": .critical])
        let scorer = Scorer(config: ScoringConfig())
        let a = scorer.score(inputs, asOf: asOf)
        let b = scorer.score(inputs, asOf: asOf)
        #expect(a.score == b.score)
        #expect(a.flags == b.flags)
        #expect(a.capabilities == b.capabilities)
        #expect(a.flags.map(\.kind.rawValue) == a.flags.map(\.kind.rawValue).sorted())
        #expect(!a.flags.isEmpty)
    }
}
