import Histogram
import LoadCore
import Testing

/// Values outside the histograms' range are clamped and counted, never lost; failures only push judged latency up.
@Suite struct LatencyHistogramTests {
    @Test func aValueAboveTheRangeIsRecordedAtTheTop() {
        var histogram = LatencyHistogram.make()
        let twoHours: UInt64 = 7_200_000_000
        #expect(LatencyHistogram.record(twoHours, in: &histogram))
        #expect(!LatencyHistogram.record(5_000, in: &histogram))
        #expect(histogram.totalCount == 2)
        #expect(LatencyHistogram.isBeyondRange(histogram.valueAtPercentile(100), in: histogram))
    }

    @Test func zeroIsRecordedAsOneMicrosecond() {
        var histogram = LatencyHistogram.make()
        LatencyHistogram.record(0, in: &histogram)
        #expect(histogram.totalCount == 1)
        #expect(histogram.min == 1)
    }

    @Test func judgedLatencyPutsFailuresBeyondEverySuccess() {
        var successes = LatencyHistogram.make()
        for micros in stride(from: UInt64(1_000), through: 100_000, by: 1_000) { LatencyHistogram.record(micros, in: &successes) }
        // 100 successes of 1…100 ms and no failures: p99 is 99 ms.
        #expect(
            JudgedLatency.value(atPercentile: 99, successes: successes, failures: 0) == .measured(successes.valueAtPercentile(99))
        )
        // One failure in 101: p99 still among successes (the 100th of 101), but higher.
        guard case .measured(let withOne) = JudgedLatency.value(atPercentile: 99, successes: successes, failures: 1) else {
            Issue.record("p99 with one failure in 101 should be measured")
            return
        }
        #expect(withOne >= successes.valueAtPercentile(99))
        // Two failures in 102: p99 falls among them.
        #expect(JudgedLatency.value(atPercentile: 99, successes: successes, failures: 2) == .beyondEveryResponse)
        #expect(JudgedLatency.value(atPercentile: 100, successes: successes, failures: 1) == .beyondEveryResponse)
        #expect(JudgedLatency.value(atPercentile: 50, successes: LatencyHistogram.make(), failures: 0) == .none)
        #expect(JudgedLatency.value(atPercentile: 50, successes: LatencyHistogram.make(), failures: 3) == .beyondEveryResponse)
    }
}
