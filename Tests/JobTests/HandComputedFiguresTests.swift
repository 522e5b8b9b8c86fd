import Foundation
import Job
import Testing

/// The figures of `HandComputedWorld`, computed by hand from the definitions in docs/metrics.md.
@Suite struct HandComputedFiguresTests {
    @Test func deliveryQualityAndResponsivenessInUTC() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let summary = try fixture.run(asOf: "2026-06-30")
        #expect(summary.counts.suppliersScored == 2)

        // Due in 04-02…06-30 and judged: L1, L2, L3, L6 (L4 cancelled, L5 due later).
        #expect(try fixture.score("due_lines", supplier: "SUP-A", as: Int.self) == 4)
        // On time: L1 (05-05 ≤ 05-05), L2 (first receipt 05-08 ≤ 05-10), L6; late: L3 → 3/4.
        #expect(try fixture.score("otd_rate", supplier: "SUP-A", as: Double.self) == 0.75)
        // In full by the deadline: L1, L6 (197 ≥ 196); L2 had 60 of 100; L3 nothing → 2/4.
        #expect(try fixture.score("otif_rate", supplier: "SUP-A", as: Double.self) == 0.5)
        // L3 is 10 days late so far (06-20 → 06-30), the others 0 → 10/4.
        #expect(try fixture.score("avg_days_late", supplier: "SUP-A", as: Double.self) == 2.5)
        // 6 defective of 100 + 60 + 40 + 197 = 397 received → 15,113.35 PPM; 1 of 4 lots rejected.
        let ppm = try #require(try fixture.score("ppm", supplier: "SUP-A", as: Double.self))
        #expect(abs(ppm - 6e6 / 397) < 1e-6)
        #expect(try fixture.score("lot_rejection_rate", supplier: "SUP-A", as: Double.self) == 0.25)
        #expect(try fixture.score("lots_received", supplier: "SUP-A", as: Int.self) == 4)
        // Answered 6 h and 48 h; overdue at the end of 06-30: C3 135 h, C5 63 h (its answer came after);
        // C4 (12 h old) pending. Median of 6, 48, 63, 135 = 55.5; within SLA 2/4.
        #expect(try fixture.score("median_response_hours", supplier: "SUP-A", as: Double.self) == 55.5)
        #expect(try fixture.score("within_sla_rate", supplier: "SUP-A", as: Double.self) == 0.5)
        #expect(try fixture.score("unanswered_overdue", supplier: "SUP-A", as: Int.self) == 2)
    }

    @Test func aLineDueOnTheAsOfDateIsOpenThenLateTheDayAfter() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let first = try fixture.run(asOf: "2026-06-30")
        let openLines =
            "SELECT open_lines FROM scorecard_store.supplier_scores WHERE run_id = $1 AND supplier_id = 'SUP-A'"
        #expect(try fixture.scalar(openLines, [first.runId], as: Int.self) == 1)
        // As of 07-01, L7 (due 06-30, nothing received) is judged: 1 day late. OTD 3/5, days late (10 + 1 + 1) / 5:
        // L3 is now 11 days late.
        let second = try fixture.run(asOf: "2026-07-01")
        #expect(try fixture.scalar(openLines, [second.runId], as: Int.self) == 0)
        #expect(try fixture.score("due_lines", supplier: "SUP-A", as: Int.self) == 5)
        #expect(try fixture.score("otd_rate", supplier: "SUP-A", as: Double.self) == 0.6)
        #expect(try fixture.score("avg_days_late", supplier: "SUP-A", as: Double.self) == 12.0 / 5)
    }

    @Test func aSupplierWithNoDataHasNoRatesNotZeroOrHundred() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        _ = try fixture.run(asOf: "2026-06-30")
        for column in [
            "otd_rate", "otif_rate", "avg_days_late", "ppm", "lot_rejection_rate", "median_response_hours",
        ] {
            #expect(try fixture.score(column, supplier: "SUP-B", as: Double.self) == nil, "\(column)")
        }
        #expect(try fixture.score("due_lines", supplier: "SUP-B", as: Int.self) == 0)
    }

    @Test func theTimeZoneDecidesTheDayOfAReceipt() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        // R1 arrived 05-05 23:30 UTC = 05-06 08:30 in Tokyo: L1 becomes one day late.
        _ = try fixture.run(asOf: "2026-06-30") { $0.timeZone = "Asia/Tokyo" }
        #expect(try fixture.score("otd_rate", supplier: "SUP-A", as: Double.self) == 0.5)
        #expect(try fixture.score("avg_days_late", supplier: "SUP-A", as: Double.self) == 2.75)
        // The end of 06-30 in Tokyo is 06-30 15:00 UTC: C3 is 126 h old, C5 54 h → median of 6, 48, 54, 126.
        #expect(try fixture.score("median_response_hours", supplier: "SUP-A", as: Double.self) == 51)
    }

    @Test func rerunningTheSameDateGivesTheSameNumbers() throws {
        let fixture = try JobFixture(seedSQL: HandComputedWorld.sql)
        let first = try fixture.run(asOf: "2026-06-30")
        let second = try fixture.run(asOf: "2026-06-30")
        let columns = """
            supplier_id, due_lines, otd_rate, otif_rate, avg_days_late, lots_received, ppm, lot_rejection_rate,
            coa_conformance_rate, missing_coa_lots, median_response_hours, unanswered_overdue, priority_risk_level
            """
        let sql = """
            SELECT string_agg(row(\(columns))::text, ';' ORDER BY supplier_id)
            FROM scorecard_store.supplier_scores WHERE run_id = $1
            """
        let a = try fixture.scalar(sql, [first.runId], as: String.self)
        let b = try fixture.scalar(sql, [second.runId], as: String.self)
        #expect(a != nil)
        #expect(a == b)
    }
}
