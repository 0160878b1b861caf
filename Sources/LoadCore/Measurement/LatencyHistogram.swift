import Histogram

/// The latency histograms every measurement keeps, in µs: 1 µs to 1 h at 3 significant digits, as wrk2 keeps them.
/// A value outside that range is clamped into it and counted as clamped, never dropped: a request that is counted
/// must also be in its histogram, or percentiles would describe fewer requests than the counts do.
public enum LatencyHistogram {
    /// The top of the range (1 h). A value recorded here means "this long or longer".
    public static let highestMicroseconds: UInt64 = 3_600_000_000

    public static func make() -> Histogram<UInt64> {
        Histogram<UInt64>(
            lowestDiscernibleValue: 1, highestTrackableValue: highestMicroseconds, numberOfSignificantValueDigits: .three)
    }

    /// Records `micros` (`count` times), raised to 1 µs or lowered to the top of the range when outside it.
    /// Returns whether it had to be clamped from above. Inlinable: the engine calls it several times per response.
    @inlinable @discardableResult
    public static func record(_ micros: UInt64, count: UInt64 = 1, in histogram: inout Histogram<UInt64>) -> Bool {
        let clamped = micros > highestMicroseconds
        _ = histogram.record(clamped ? highestMicroseconds : max(1, micros), count: count)
        return clamped
    }

    /// Whether a value read from one of these histograms (µs, possibly as stored and converted) lies in the top bucket.
    public static func isBeyondRange(_ micros: Double) -> Bool {
        micros >= Double(highestMicroseconds) * 0.999
    }

    /// Whether `micros`, read from one of these histograms, lies in the top bucket: beyond every measurable value.
    public static func isBeyondRange(_ micros: UInt64, in histogram: Histogram<UInt64>) -> Bool {
        micros >= histogram.lowestEquivalentForValue(highestMicroseconds)
    }
}
