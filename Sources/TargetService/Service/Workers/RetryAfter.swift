/// The `Retry-After` a shed detection request gets: when the work already admitted should be done, in whole seconds
/// (at least 1, at most 60), so clients that honour it come back when there is room instead of at once.
enum RetryAfter {
    static func seconds(for wait: Duration) -> Int {
        let (seconds, attoseconds) = wait.components
        let whole = Int(seconds) + (attoseconds > 0 ? 1 : 0)
        return min(60, max(1, whole))
    }
}
