/// Whether the pool is refusing work steadily rather than now and then: at least `threshold` refusals within
/// `window`. A burst near capacity sheds a request or two and the queue should stay long to absorb the next one; a
/// retry storm or sustained overload sheds every second, and then the queue only adds waiting.
public struct SustainedRefusals: Sendable {
    public let threshold: Int
    public let window: Duration
    /// The most recent refusals, oldest first, at most `threshold` of them.
    private var recent: [ContinuousClock.Instant] = []

    public init(threshold: Int, window: Duration) {
        self.threshold = max(1, threshold)
        self.window = window
    }

    public mutating func record(at now: ContinuousClock.Instant) {
        recent.append(now)
        if recent.count > threshold { recent.removeFirst(recent.count - threshold) }
    }

    /// True while the last `threshold` refusals all fell within `window` of now.
    public func isSustained(at now: ContinuousClock.Instant) -> Bool {
        guard recent.count == threshold, let oldest = recent.first else { return false }
        return now - oldest < window
    }
}
