import Domain
import Foundation
import Testing

@testable import Scoring

private let asOf = B.day("2026-06-30")

@Suite struct ResponsivenessTests {
    static let messages = [
        B.message("m1", sent: "2026-06-01T10:00", responded: "2026-06-01T16:00"),  // 6 h
        B.message("m2", sent: "2026-06-02T00:00", responded: "2026-06-05T00:00"),  // 72 h, a breach
        B.message("m3", sent: "2026-06-10T00:00", responded: nil),  // 504 h so far: overdue
        B.message("m4", sent: "2026-06-29T12:00", responded: nil),  // 36 h so far: pending
        // Answered after the as-of day: unanswered then, 264 h old.
        B.message("m5", sent: "2026-06-20T00:00", responded: "2026-07-01T12:00"),
        B.message("m6", sent: "2026-03-01T00:00", responded: nil),  // baseline window
        B.message("m7", sent: "2026-06-15T00:00", responded: "2026-06-17T00:00"),  // exactly 48 h: within
    ]

    @Test func handWorkedResponsiveness() throws {
        let result = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, communications: Self.messages), asOf: asOf)
        let r = result.responsiveness
        #expect(r.messages == 6)
        #expect(r.answered == 3)
        #expect(r.unansweredOverdue == 2)
        #expect(r.pending == 1)
        #expect(r.medianResponseHours == 72)  // 6, 48, 72, 264, 504
        #expect(r.withinSLARate == 0.4)  // m1, m7
        #expect(r.unansweredShare == 0.4)
        #expect(r.overdueIds == ["m3", "m5"])
        #expect(result.baselineResponsiveness.unansweredOverdue == 1)

        let flag = try #require(result.flags.first { $0.kind == .slowResponse })
        #expect(flag.severity == .warning)
        #expect(
            flag.message
                == "Median response 72 h against a 48 h SLA; 40 % of 5 messages answered within it, "
                + "2 still unanswered past the SLA.")
    }

    @Test func prompterSupplierRaisesNothing() {
        let messages = (1...5).map { i in
            B.message("p\(i)", sent: "2026-06-0\(i)T08:00", responded: "2026-06-0\(i)T12:00")
        }
        let result = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, communications: messages), asOf: asOf)
        #expect(result.score.medianResponseHours == 4)
        #expect(result.score.withinSLARate == 1)
        #expect(result.flags.isEmpty)
    }

    /// The as-of day ends at local midnight: 2026-06-30T22:00Z in UTC+2.
    @Test func timeZoneMovesTheEndOfTheDay() throws {
        let message = [B.message("z", sent: "2026-06-28T23:00", responded: nil)]
        var plus2 = ScoringConfig()
        plus2.timeZone = try #require(TimeZone(secondsFromGMT: 7200))
        let utc = Scorer(config: ScoringConfig()).score(
            SupplierInputs(supplier: B.supplier, communications: message), asOf: asOf)
        let local = Scorer(config: plus2).score(
            SupplierInputs(supplier: B.supplier, communications: message), asOf: asOf)
        #expect(utc.responsiveness.unansweredOverdue == 1)  // 49 h old at 07-01T00:00Z
        #expect(utc.responsiveness.medianResponseHours == 49)
        #expect(local.responsiveness.pending == 1)  // 47 h old at 06-30T22:00Z
        #expect(local.responsiveness.medianResponseHours == nil)
    }
}
