/// Which request a percentile names, the way HDR histograms answer it: the smallest rank with at least p % of the
/// requests at or below it (at least the first). Every percentile read from sparse buckets counts up to this rank.
/// Like HDR, one ulp comes off the percentile first, so `99.9 × 1000 / 100` landing a hair above 999 still means 999.
public enum PercentileRank {
    /// The 1-based rank of `percentile` (0–100) among `total` requests.
    public static func of(_ percentile: Double, total: UInt64) -> UInt64 {
        max(1, UInt64((max(0, percentile.nextDown) * Double(total) / 100).rounded(.up)))
    }
}
