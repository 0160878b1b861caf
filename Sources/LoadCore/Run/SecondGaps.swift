/// Inserts empty buckets for seconds in which nothing was sent, completed or failed.
public enum SecondGaps {
    /// `buckets` sorted by second; the result covers every second from `first` through `last` (and any bucket
    /// outside that range is kept as it is).
    public static func filled(_ buckets: [SecondBucket], from first: Int, through last: Int) -> [SecondBucket] {
        guard last >= first else { return buckets }
        var bySecond: [Int: SecondBucket] = [:]
        for bucket in buckets { bySecond[bucket.second] = bucket }
        var result = buckets.filter { $0.second < first }
        for second in first...last { result.append(bySecond[second] ?? SecondBucket(second: second)) }
        result += buckets.filter { $0.second > last }
        return result
    }
}
