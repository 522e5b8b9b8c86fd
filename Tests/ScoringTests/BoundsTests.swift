import Foundation
import Testing

@testable import Scoring

/// The confidence bounds against published values.
@Suite struct BoundsTests {
    @Test func normalQuantiles() {
        #expect(abs(Bounds.z(0.95) - 1.644_853_6) < 1e-6)
        #expect(abs(Bounds.z(0.90) - 1.281_551_6) < 1e-6)
        #expect(abs(Bounds.z(0.80) - 0.841_621_2) < 1e-6)
        #expect(abs(Bounds.z(0.999) - 3.090_232_3) < 1e-6)
    }

    @Test func wilsonOfNineInTwelve() {
        // 9/12 at z 1.645: 0.5127 … 0.8954 (by hand from the formula).
        let b = Bounds.wilson(successes: 9, trials: 12, z: 1.644_853_6)
        #expect(abs(b.lower - 0.5127) < 1e-3 && abs(b.upper - 0.8954) < 1e-3)
        #expect(Bounds.wilson(successes: 0, trials: 0, z: 2) == (0, 1))
    }

    @Test func exactPoissonMatchesGarwoodTables() {
        // One-sided 95 %: 0 events → upper 2.996; 1 → 0.0513 … 4.744; 10 → 5.425 … 16.962.
        let zero = Bounds.poisson(count: 0, confidence: 0.95)
        #expect(zero.lower == 0 && abs(zero.upper - 2.9957) < 1e-3)
        let one = Bounds.poisson(count: 1, confidence: 0.95)
        #expect(abs(one.lower - 0.0513) < 1e-3 && abs(one.upper - 4.7439) < 1e-3)
        let ten = Bounds.poisson(count: 10, confidence: 0.95)
        #expect(abs(ten.lower - 5.4254) < 1e-3 && abs(ten.upper - 16.9622) < 1e-3)
        // Large counts stay finite and close to the normal approximation.
        let big = Bounds.poisson(count: 20_000, confidence: 0.95)
        #expect(abs(big.lower - (20_000 - 1.645 * 20_000.0.squareRoot())) < 2)
    }

    @Test func bissellLowerBoundOfTenLots() {
        // Cpk 1.33 over 10 lots, 95 %: 1.33 − 1.645 × √(1/90 + 1.33²/18) = 0.79 (the "about 0.8").
        let b = Bounds.bissell(cpk: 1.33, n: 10, z: Bounds.z(0.95))
        #expect(abs(b.lower - 0.79) < 0.01)
    }
}
