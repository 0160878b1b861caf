import Foundation
import Histogram
import Testing
@testable import Reports

@Suite struct HistogramCodecTests {
    /// A skewed, deterministic spread of latencies in µs (no randomness: failures must reproduce).
    private func latencies(seed: UInt64, count: Int) -> Histogram<UInt64> {
        var histogram = Histogram<UInt64>(
            lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
        var state = seed
        for _ in 0..<count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let uniform = Double(state >> 11) / Double(1 << 53)
            histogram.record(UInt64(200 + 1_000_000 * pow(uniform, 6)))
        }
        return histogram
    }

    @Test func roundTripKeepsEveryPercentileAndCount() throws {
        let original = latencies(seed: 1, count: 10_000)
        let decoded = try HistogramCodec.decode(HistogramCodec.encode(original))
        #expect(decoded == original)
        #expect(decoded.totalCount == original.totalCount)
        #expect(decoded.max == original.max)
        for percentile in [0.0, 50, 90, 95, 99, 99.9, 99.99, 100] {
            #expect(decoded.valueAtPercentile(percentile) == original.valueAtPercentile(percentile))
        }
    }

    @Test func mergingDecodedHistogramsEqualsDecodingTheMerge() throws {
        let first = latencies(seed: 2, count: 5_000)
        let second = latencies(seed: 3, count: 7_000)
        var mergedThenStored = first
        mergedThenStored.add(second)

        var storedThenMerged = try HistogramCodec.decode(HistogramCodec.encode(first))
        storedThenMerged.add(try HistogramCodec.decode(HistogramCodec.encode(second)))

        #expect(storedThenMerged == (try HistogramCodec.decode(HistogramCodec.encode(mergedThenStored))))
        #expect(storedThenMerged.valueAtPercentile(99) == mergedThenStored.valueAtPercentile(99))
    }

    @Test func anEmptyHistogramRoundTrips() throws {
        let empty = Histogram<UInt64>(
            lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .two)
        let decoded = try HistogramCodec.decode(HistogramCodec.encode(empty))
        #expect(decoded.totalCount == 0)
        #expect(decoded.highestTrackableValue == empty.highestTrackableValue)
        #expect(decoded.numberOfSignificantValueDigits == .two)
    }

    @Test func theExactMinimumAndMaximumSurvive() throws {
        for values: [UInt64] in [[1_234_567], [1_234_567, 1_234_568], [0, 7, 1_234_567]] {
            var original = Histogram<UInt64>(
                lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
            for value in values { original.record(value) }
            let decoded = try HistogramCodec.decode(HistogramCodec.encode(original))
            #expect(decoded.maxRecorded == values.last)
            #expect(decoded.min == values.first)
            #expect(decoded.totalCount == UInt64(values.count))
        }
    }

    @Test func encodingIsSparse() {
        // Only recorded buckets are written, a few bytes each; a dense dump of the counts array would be ~200 KB.
        let histogram = latencies(seed: 4, count: 10_000)
        let recordedBuckets = histogram.recordedValues().reduce(0) { count, _ in count + 1 }
        #expect(HistogramCodec.encode(histogram).count <= 32 + recordedBuckets * 4)
    }

    @Test func bytesThatAreNotAHistogramAreRefused() {
        #expect(throws: HistogramCodecError.notAHistogram) { try HistogramCodec.decode(Data("nope, not it".utf8)) }
        var future = HistogramCodec.encode(latencies(seed: 5, count: 10))
        future[4] = 9
        #expect(throws: HistogramCodecError.unsupportedVersion(9)) { try HistogramCodec.decode(future) }
        let whole = HistogramCodec.encode(latencies(seed: 6, count: 100))
        #expect(throws: HistogramCodecError.truncated) { try HistogramCodec.decode(whole.dropLast(1)) }
    }
}
