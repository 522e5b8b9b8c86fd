import Testing

@testable import Scoring

/// Worked examples from the NIST/SEMATECH e-Handbook of Statistical Methods.
@Suite struct SPCTextbookTests {
    /// Handbook 6.3.2.4, "Example of calculation of parameters for an EWMA control chart":
    /// EWMA₀ = 50, s = 2.0539, λ = 0.3, k = 3 → UCL 52.5884, LCL 47.4115 (asymptotic), and the EWMA
    /// of the twenty points as printed there (two decimals).
    @Test func nistEWMAExample() {
        let data = [
            52.0, 47.0, 53.0, 49.3, 50.1, 47.0, 51.0, 50.1, 51.2, 50.5,
            49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1,
        ]
        let printed = [
            50.60, 49.52, 50.56, 50.18, 50.16, 49.21, 49.75, 49.85, 50.26, 50.33,
            50.11, 49.36, 49.52, 50.05, 49.38, 49.92, 50.73, 51.23, 51.94, 51.99,
        ]
        let chart = EWMAChart(lambda: 0.3, sigmaMultiple: 3, centre: 50, sigma: 2.0539)
        #expect(abs(50 + chart.asymptoticHalfWidth - 52.5884) < 0.0005)
        #expect(abs(50 - chart.asymptoticHalfWidth - 47.4115) < 0.0005)
        let points = chart.run(data)
        for (p, expected) in zip(points, printed) {
            #expect(abs(p.ewma - expected) < 0.005, "point \(p.index)")
        }
        // No point of the example is out of control.
        #expect(points.allSatisfy { $0.ewma < 52.5884 && $0.ewma > 47.4115 })
        // Exact limits start narrower: at i = 1, λ/(2 − λ)·(1 − (1 − λ)²) = λ², so L·σ·λ = 1.8485.
        #expect(abs(points[0].upperLimit - 50 - 1.84851) < 0.00001)
        #expect(abs(points[19].upperLimit - (50 + chart.asymptoticHalfWidth)) < 0.0001)
    }

    /// Handbook 6.1.6, "Process capability": USL 20, LSL 8, μ 16, σ 2 → Cp 1, Cpk 0.6667.
    @Test func nistCapabilityExample() throws {
        let values = [14.0, 16, 18]  // mean 16, sample sd 2
        let two = Capability(values: values, lower: 8, upper: 20)
        #expect(two.n == 3)
        #expect(try abs(#require(two.cp) - 1) < 1e-12)
        #expect(try abs(#require(two.cpk) - 2.0 / 3) < 1e-12)
        let upperOnly = Capability(values: values, lower: nil, upper: 20)
        #expect(upperOnly.cp == nil)
        #expect(try abs(#require(upperOnly.cpk) - 2.0 / 3) < 1e-12)
        let lowerOnly = Capability(values: values, lower: 8, upper: nil)
        #expect(try abs(#require(lowerOnly.cpk) - 4.0 / 3) < 1e-12)
    }

    @Test func capabilityNeedsTwoValuesAndFloorsConstantOnes() throws {
        #expect(Capability(values: [5], lower: 0, upper: 10).cpk == nil)
        #expect(Capability(values: [5, 5, 5], lower: 0, upper: 10).cpk == nil)
        let floored = Capability(values: [5, 5, 5], lower: 0, upper: 10, sigmaFloor: 0.1)
        #expect(try abs(#require(floored.cpk) - 5 / 0.3) < 1e-9)
    }
}
