import Domain
import Testing

@testable import Scoring

private let asOf = B.day("2026-06-30")

@Suite struct QualityTests {
    static func inputs() -> SupplierInputs {
        let lines = [
            B.line(
                "Q1", qty: 1000, ordered: "2026-05-01", requested: "2026-06-01",
                receipts: [("2026-06-01", 1000)]),
            B.line(
                "Q2", qty: 500, ordered: "2026-05-01", requested: "2026-06-02",
                receipts: [("2026-06-02", 500)]),
            B.line(
                "Q3", qty: 800, ordered: "2026-02-01", requested: "2026-03-01",
                receipts: [("2026-03-01", 800)]),
        ]
        func defect(_ id: String, _ receipt: String?, _ on: String, _ qty: Double, _ disp: Defect.Disposition)
            -> Defect
        {
            Defect(
                defectId: id, receiptId: receipt, supplierId: "SUP-1", materialId: "MAT-1",
                detectedOn: B.day(on),
                severity: .warning, defectiveQuantity: qty, disposition: disp)
        }
        let defects = [
            defect("D1", "Q1-R1", "2026-06-03", 10, .reject),
            defect("D2", "Q2-R1", "2026-06-04", 5, .rework),
            // Linked to a baseline-window receipt, found in the current window: belongs to the baseline.
            defect("D3", "Q3-R1", "2026-06-05", 100, .reject),
            // No receipt: counted by detection day.
            defect("D4", nil, "2026-06-06", 15, .useAsIs),
            defect("D5", nil, "2026-03-06", 40, .reject),
        ]
        let measurements = [
            B.measurement("A", day: "2026-06-01", value: 5, verdict: .pass),
            B.measurement("B", day: "2026-06-02", value: 5.2, verdict: .pass),
            B.measurement("C", day: "2026-06-03", value: 9.5, verdict: .edge),
            B.measurement("D", day: "2026-06-04", value: 11, verdict: .fail),
            B.measurement("E", day: "2026-06-05", value: nil, verdict: .notNumeric),
            B.measurement("F", day: "2026-06-06", value: 3, verdict: .noSpec),
            B.measurement("G", day: "2026-03-06", value: 12, verdict: .fail),
        ]
        func lot(_ id: String, _ received: String, _ accepted: String?) -> LotCoAStatus {
            LotCoAStatus(
                receiptId: "R-\(id)", supplierId: "SUP-1", materialId: "MAT-1", lotNumber: "LOT-\(id)",
                receivedOn: B.day(received), coaAcceptedOn: accepted.map(B.day))
        }
        let lots = [
            lot("A", "2026-06-01", "2026-06-03"),  // within three days
            lot("B", "2026-06-01", "2026-06-05"),  // late CoA: missing
            lot("C", "2026-06-10", nil),  // missing
            lot("D", "2026-06-28", nil),  // deadline 07-01: pending
            lot("E", "2026-06-27", nil),  // deadline 06-30, the as-of day: pending
            lot("F", "2026-06-26", nil),  // deadline 06-29 passed: missing
            lot("G", "2026-06-01", "2026-07-02"),  // accepted after the as-of day: missing then
            lot("H", "2026-03-01", nil),  // baseline window
        ]
        return SupplierInputs(
            supplier: B.supplier, orderLines: lines, defects: defects, measurements: measurements, lots: lots,
            materialCriticality: ["MAT-1": .critical])
    }

    @Test func handWorkedQuality() throws {
        let result = Scorer(config: ScoringConfig()).score(Self.inputs(), asOf: asOf)
        let q = result.quality
        #expect(q.lotsReceived == 2)
        #expect(q.receivedQuantity == 1500)
        #expect(q.defectiveQuantity == 30)  // 10 + 5 + 15
        #expect(q.unlinkedDefects == 1)
        #expect(q.ppm == 20_000)
        #expect(q.rejectedLots == 1)
        #expect(q.lotRejectionRate == 0.5)
        #expect(q.coaResults == 4)
        #expect(q.coaConformanceRate == 0.75)
        #expect(q.coaEdgeRate == 0.25)
        #expect(q.missingCoA.map { $0.lotNumber ?? "" } == ["LOT-B", "LOT-G", "LOT-C", "LOT-F"])
        #expect(q.pendingCoALots == 2)
        #expect(result.score.missingCoALots == 4)
    }

    @Test func missingCoAFlagListsTheLots() throws {
        let flags = Scorer(config: ScoringConfig()).score(Self.inputs(), asOf: asOf).flags
        let flag = try #require(flags.first { $0.kind == .missingCoA })
        #expect(flag.severity == .critical)
        #expect(flag.materialId == "MAT-1")
        #expect(
            flag.message
                == "4 lots of MAT-1 without an accepted CoA within 3 days of receipt: LOT-B (2026-06-01), "
                + "LOT-G (2026-06-01), LOT-C (2026-06-10), LOT-F (2026-06-26).")
        guard case .object(let evidence) = flag.evidence, case .array(let lots) = evidence["lots"] else {
            Issue.record("evidence has no lots")
            return
        }
        #expect(lots.count == 4)
        #expect(
            lots.first
                == .object([
                    "receipt_id": "R-B", "lot_number": "LOT-B", "received_on": "2026-06-01",
                    "coa_accepted_on": "2026-06-05",
                ]))
    }

    @Test func ppmWithNoReceiptsIsNoData() {
        let s = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, defects: Self.inputs().defects), asOf: asOf
        ).score
        #expect(s.ppm == nil)
        #expect(s.lotRejectionRate == nil)
        // Without the receipts loaded, D1–D3 name unknown receipts and count by detection day too.
        #expect(s.unlinkedDefects == 4)
        #expect(s.defectiveQuantity == 130)
    }
}
