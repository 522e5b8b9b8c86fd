import Testing

@testable import Scoring

/// The t tail against reference values (SciPy `stats.t.sf`), including a fractional df and a negative t.
@Suite struct StudentTTests {
    @Test(arguments: [
        (2.0, 5.0, 0.050969739414929174), (3.5, 57.5, 0.0004529792772799913), (-1.0, 3.0, 0.8044988905221148),
        (5.7015316088369765, 18.0, 2.088619374999454e-05 / 2), (0.0, 9.0, 0.5),
    ])
    func upperTailMatchesReference(t: Double, df: Double, expected: Double) {
        let p = StudentT.upperTail(t, degreesOfFreedom: df)
        #expect(abs(p - expected) <= 1e-10 * max(expected, 1e-300) + 1e-15)
    }

    @Test func extremesStayInRange() {
        #expect(StudentT.upperTail(.infinity, degreesOfFreedom: 3) == 0)
        #expect(StudentT.upperTail(-.infinity, degreesOfFreedom: 3) == 1)
        #expect(StudentT.upperTail(1e6, degreesOfFreedom: 40) >= 0)
    }
}
