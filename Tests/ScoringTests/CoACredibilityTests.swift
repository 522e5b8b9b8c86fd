import Domain
import Testing

@testable import Scoring

private let asOf = B.day("2026-06-30")

@Suite struct CoACredibilityTests {
    @Test func identicalResultSetsOnThreeLots() throws {
        var ms: [LotMeasurement] = []
        for (i, lot) in ["A", "B", "C", "D"].enumerated() {
            let day = B.day("2026-06-01").advanced(by: i).iso
            ms.append(B.measurement(lot, day: day, value: 5.1, verdict: .pass))
            let assay = lot == "D" ? 99.3 : 99.2
            ms.append(
                B.measurement(
                    lot, day: day, value: assay, verdict: .pass, characteristic: "assay", lower: 98,
                    upper: 100))
        }
        let flags = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, measurements: ms), asOf: asOf
        ).flags
        let flag = try #require(flags.first { $0.kind == .coaCredibility })
        #expect(flags.count == 1)
        #expect(
            flag.message
                == "3 lots of MAT-1 carry CoAs with the identical results (assay=99.2, moisture=5.1): A, B, C."
        )
    }

    @Test func constantValuesAreImplausible() throws {
        let ms = (1...12).map { i in
            B.measurement(
                String(format: "LOT-%02d", i), day: B.day("2026-05-01").advanced(by: i).iso, value: 5,
                verdict: .pass)
        }
        let flags = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, measurements: ms), asOf: asOf
        ).flags
        #expect(flags.map(\.kind) == [.coaCredibility])
        #expect(
            flags.first?.message
                == "Moisture of MAT-1 is reported as exactly 5 % on each of the last 10 lots (LOT-03…LOT-12): "
                + "implausibly constant.")
    }

    private func labCase(offset: Double) -> [Flag] {
        let noise = [0.05, -0.05, 0.1, -0.1, 0.0, 0.05]
        var ms: [LotMeasurement] = []
        var lab: [InspectionResult] = []
        for (i, n) in noise.enumerated() {
            let lot = "L\(i)"
            let ours = 5 + Double(i % 3) * 0.2
            ms.append(
                B.measurement(
                    lot, day: B.day("2026-06-01").advanced(by: i).iso, value: ours + offset + n,
                    verdict: .pass))
            lab.append(
                InspectionResult(
                    receiptId: "R\(i)", materialId: "MAT-1", lotNumber: lot, characteristic: "moisture",
                    value: ours,
                    unit: "%", measuredOn: B.day("2026-06-10")))
        }
        return Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, measurements: ms, inspections: lab), asOf: asOf
        ).flags
    }

    @Test func systematicOffsetAgainstOurLab() throws {
        // Differences 0.65, 0.55, 0.7, 0.5, 0.6, 0.65: mean 0.6083, sd 0.0736, SE 0.0300; the mean is beyond
        // 5 % of the 0–10 width and beyond 2 SE.
        let flag = try #require(labCase(offset: 0.6).first)
        #expect(
            flag.message
                == "CoAs for moisture of MAT-1 read 0.608 % higher than our lab on average over 6 lots "
                + "(standard error 0.03 %, 6 % of the tolerance).")
        // 0.3 above is beyond two standard errors but within 5 % of the width: quiet.
        #expect(labCase(offset: 0.3).isEmpty)
    }
}
