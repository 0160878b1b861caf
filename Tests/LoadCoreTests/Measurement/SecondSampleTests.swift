import Histogram
import LoadCore
import Testing

/// Percentiles read from a second's sparse buckets answer as the HDR histogram they came from.
@Suite struct SecondSampleTests {
    @Test func percentilesFromBucketsMatchTheHistogram() {
        var random = SystemRandomNumberGenerator()
        for total in [1, 7, 100, 1000, 4321] {
            var histogram = LatencyHistogram.make()
            for _ in 0..<total { histogram.record(UInt64.random(in: 500...2_000_000, using: &random)) }
            let sample = SecondSample(
                outcomes: OutcomeCounts(attempts: 0, completions: 0, errorStatuses: 0, endedWithoutResponse: 0),
                latencies: SecondSample.Bucket.of(histogram))
            #expect(sample.latencyCount == UInt64(total))
            for percentile in [0.1, 50, 90, 95, 99, 99.9] {
                // HDR clamps to the largest value recorded; buckets hold each value's highest equivalent.
                let expected = histogram.highestEquivalentForValue(histogram.valueAtPercentile(percentile))
                #expect(sample.latencyUs(atPercentile: percentile) == expected, "p\(percentile) of \(total)")
            }
            #expect(sample.latencyUs(atPercentile: 100) == histogram.max)
        }
    }

    @Test func aSecondWithoutLatenciesHasNoPercentile() {
        #expect(
            SecondSample(outcomes: OutcomeCounts(attempts: 0, completions: 0, errorStatuses: 0, endedWithoutResponse: 0))
                .latencyUs(atPercentile: 99) == nil)
    }

    @Test func ranksCountUpLikeHDR() {
        #expect(PercentileRank.of(50, total: 100) == 50)
        #expect(PercentileRank.of(99.9, total: 1000) == 999)
        #expect(PercentileRank.of(0, total: 10) == 1)
        #expect(PercentileRank.of(100, total: 10) == 10)
    }
}
