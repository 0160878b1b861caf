import Histogram
import Reports
import Testing

@testable import LoadGen

/// Merging is exact: the percentiles of merged segments are those of one histogram recorded from every request.
@Suite struct SegmentMergeTests {
    /// 3,000 latencies (µs) spread over three orders of magnitude, dealt to 3 segments as arrivals are.
    private let latencies: [UInt64] = (0..<3000).map { UInt64(500 + ($0 * 7919) % 250_000) }

    private func histogram(_ values: [UInt64]) -> Histogram<UInt64> {
        var histogram = LatencyHistogram.make()
        for value in values { histogram.record(value) }
        return histogram
    }

    private func part(_ index: Int) -> [UInt64] { latencies.enumerated().filter { $0.offset % 3 == index }.map(\.element) }

    @Test func mergedSecondsHaveTheSumsAndThePercentilesOfAllRequests() throws {
        let rows = (0..<3).map { index in
            let values = part(index)
            return SecondRecord(
                second: 4, phase: "steady", sent: values.count, completed: values.count, errors: index, dropped: 0,
                errorsByCode: index > 0 ? ["http_5xx": index] : [:], p50Us: 0, p90Us: 0, p99Us: 0, maxUs: 0,
                connections: 2, users: 0, latencyHistogram: HistogramCodec.encode(histogram(values)),
                modelVersions: ["3": values.count], uncorrectedHistogram: HistogramCodec.encode(histogram(values.map { $0 / 2 })))
        }
        let merged = try SegmentMerge.merge(rows)
        let all = histogram(latencies)
        #expect(merged.sent == 3000 && merged.completed == 3000)
        #expect(merged.errors == 3 && merged.errorsByCode == ["http_5xx": 3])
        #expect(merged.connections == 6 && merged.modelVersions == ["3": 3000])
        #expect(merged.p50Us == Int64(all.valueAtPercentile(50)))
        #expect(merged.p90Us == Int64(all.valueAtPercentile(90)))
        #expect(merged.p99Us == Int64(all.valueAtPercentile(99)))
        #expect(merged.maxUs == Int64(all.max))
        #expect(merged.uncorrectedP99Us == Int64(histogram(latencies.map { $0 / 2 }).valueAtPercentile(99)))
        let stored = try HistogramCodec.decode(try #require(merged.latencyHistogram))
        #expect(stored.totalCount == 3000)
    }

    @Test func mergedRequestStatsJudgeLikeOneRecording() throws {
        var merged = RequestStats()
        for index in 0..<3 {
            var stats = RequestStats()
            for value in part(index) { stats.corrected.record(value) }
            stats.sent = part(index).count
            stats.completed = stats.sent
            let record = StoreRecords.requestStats(stats, phase: "steady", request: "r")
            merged.merge(try RequestStats(record))
        }
        let all = histogram(latencies)
        for percentile in [50.0, 90, 99, 99.9] {
            #expect(merged.corrected.valueAtPercentile(percentile) == all.valueAtPercentile(percentile))
        }
        #expect(merged.sent == 3000)
    }
}
