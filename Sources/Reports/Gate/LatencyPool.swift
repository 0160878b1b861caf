/// A run's seconds re-indexed for fast resampling: every distinct latency value of the run numbered in order, each
/// second a list of (value number, count). Merging a resample is then adding counts into one dense array and one
/// cumulative walk — no sorting in the bootstrap's inner loop.
struct LatencyPool {
    let values: [UInt64]
    let seconds: [[(index: Int, count: UInt64)]]

    init(_ samples: [SecondSample]) {
        let distinct = Set(samples.flatMap { $0.latencies.map(\.valueUs) }).sorted()
        let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        values = distinct
        seconds = samples.map { sample in sample.latencies.map { (position[$0.valueUs] ?? 0, $0.count) } }
    }

    /// The percentiles (0–100, ascending) of the merged seconds `indices` (a second drawn twice counts twice), µs:
    /// for each, the smallest value with at least p % of the responses at or below it, as HDR answers it.
    func percentiles(_ percentiles: [Double], indices: [Int]) -> [Double] {
        var counts = [UInt64](repeating: 0, count: values.count)
        var total: UInt64 = 0
        for second in indices {
            for bucket in seconds[second] {
                counts[bucket.index] += bucket.count
                total += bucket.count
            }
        }
        var result: [Double] = []
        result.reserveCapacity(percentiles.count)
        var seen: UInt64 = 0
        var next = 0
        for percentile in percentiles {
            let rank = PercentileRank.of(percentile, total: total)
            while next < counts.count, seen < rank {
                seen += counts[next]
                next += 1
            }
            result.append(Double(values[max(0, next - 1)]))
        }
        return result
    }
}
