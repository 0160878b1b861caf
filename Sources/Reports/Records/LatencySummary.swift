import Histogram

/// The percentiles reports show for one latency histogram, in µs.
public struct LatencySummary: Sendable, Equatable, Codable {
    public var p50: Int64
    public var p90: Int64
    public var p95: Int64
    public var p99: Int64
    public var p999: Int64
    public var max: Int64
    public var mean: Double

    public init(p50: Int64, p90: Int64, p95: Int64, p99: Int64, p999: Int64, max: Int64, mean: Double) {
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
        self.p999 = p999
        self.max = max
        self.mean = mean
    }

    /// All zero for an empty histogram (HDR leaves its percentiles undefined then).
    public init(_ histogram: Histogram<UInt64>) {
        guard histogram.totalCount > 0 else {
            self.init(p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0, mean: 0)
            return
        }
        func at(_ percentile: Double) -> Int64 { Int64(clamping: histogram.valueAtPercentile(percentile)) }
        self.init(
            p50: at(50), p90: at(90), p95: at(95), p99: at(99), p999: at(99.9),
            max: Int64(clamping: histogram.max), mean: histogram.mean
        )
    }
}
