import Foundation
import Testing
@testable import LoadCore

@Suite struct PoissonScheduleTests {
    private static let arrivals = allArrivals(
        of: PoissonSchedule(rate: Rate(perSecond: 1000), seed: 42, phaseDuration: .seconds(100)))

    @Test func meanRateIsWithinThreePercentOverAHundredThousandArrivals() {
        let arrivals = Self.arrivals
        #expect(abs(Double(arrivals.count) - 100_000) / 100_000 < 0.03)
        let span = arrivals.last!.seconds
        #expect(abs(Double(arrivals.count) / span - 1000) / 1000 < 0.03)
    }

    @Test func gapsHaveCoefficientOfVariationNearOne() {
        let arrivals = Self.arrivals.map { $0.seconds }
        let gaps = zip(arrivals.dropFirst(), arrivals).map { $0 - $1 }
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        let variance = gaps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(gaps.count - 1)
        #expect(abs(variance.squareRoot() / mean - 1) < 0.03)
    }

    @Test func sameSeedGivesTheSameSequence() {
        let again = allArrivals(of: PoissonSchedule(rate: Rate(perSecond: 1000), seed: 42, phaseDuration: .seconds(100)))
        #expect(again == Self.arrivals)
        let other = allArrivals(of: PoissonSchedule(rate: Rate(perSecond: 1000), seed: 43, phaseDuration: .seconds(1)))
        #expect(other != Array(Self.arrivals.prefix(other.count)))
    }

    @Test func arrivalsAreOrderedAndInsideThePhase() {
        #expect(Self.arrivals == Self.arrivals.sorted())
        #expect(Self.arrivals.allSatisfy { $0 > .zero && $0 < .seconds(100) })
    }

    @Test func splitMixMatchesItsReferenceOutput() {
        // First outputs of the reference C implementation seeded with 1234567.
        var generator = SplitMix64(seed: 1_234_567)
        #expect(generator.next() == 6_457_827_717_110_365_317)
        #expect(generator.next() == 3_203_168_211_198_807_973)
        #expect(generator.next() == 9_817_491_932_198_370_423)
    }
}
