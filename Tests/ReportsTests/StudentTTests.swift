import Testing
@testable import Reports

/// Student's t quantiles against published table values.
@Suite struct StudentTTests {
    @Test(arguments: [
        (0.975, 1.0, 12.706), (0.975, 4.0, 2.776), (0.99, 10.0, 2.764), (0.995, 30.0, 2.750), (0.95, 5.0, 2.015),
        (0.99375, 4.0, 4.315), (0.9999, 3.0, 22.204),
    ])
    func quantilesMatchTheTables(probability: Double, degreesOfFreedom: Double, expected: Double) {
        let t = StudentT.quantile(probability, degreesOfFreedom: degreesOfFreedom)
        #expect(abs(t - expected) < 0.002 * expected, "t(\(probability), \(degreesOfFreedom)) = \(t), table \(expected)")
        #expect(abs(StudentT.quantile(1 - probability, degreesOfFreedom: degreesOfFreedom) + t) < 1e-9)
        #expect(abs(StudentT.cdf(t, degreesOfFreedom: degreesOfFreedom) - probability) < 1e-9)
    }

    @Test func manyDegreesOfFreedomApproachTheNormal() {
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 10_000) - 1.960) < 0.001)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 3) == 0)
    }
}
