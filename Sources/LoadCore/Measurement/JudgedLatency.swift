import Histogram

/// The latency a bare SLA percentile (`p99: 500ms`) judges: successful responses, with every request that failed —
/// an error status, no response, a timeout, a drop — counted as slower than all of them. Failures can only push such
/// a percentile up, so no latency SLA can pass *because* requests failed: `p99: 500ms` reads "99 % of the requests
/// got a successful answer within 500 ms".
public enum JudgedLatency {
    /// The successes' histogram with `failures` added at the top of the range.
    public static func histogram(successes: Histogram<UInt64>, failures: Int) -> Histogram<UInt64> {
        guard failures > 0 else { return successes }
        var judged = successes
        LatencyHistogram.record(LatencyHistogram.highestMicroseconds, count: UInt64(failures), in: &judged)
        return judged
    }

    /// What the judged distribution says at one percentile.
    public enum Value: Sendable, Equatable {
        /// No request ended: nothing to judge.
        case none
        /// The percentile falls among successful responses: this many µs.
        case measured(UInt64)
        /// The percentile falls among failed requests (or beyond the histogram's 1 h range): no finite latency.
        case beyondEveryResponse
    }

    /// The judged value at `percentile` (0–100; 100 is the maximum).
    public static func value(atPercentile percentile: Double, successes: Histogram<UInt64>, failures: Int) -> Value {
        let judged = histogram(successes: successes, failures: failures)
        guard judged.totalCount > 0 else { return .none }
        let micros = percentile >= 100 ? judged.maxRecorded : judged.valueAtPercentile(percentile)
        return LatencyHistogram.isBeyondRange(micros, in: judged) ? .beyondEveryResponse : .measured(micros)
    }
}
