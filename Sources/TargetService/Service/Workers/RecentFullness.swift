import Foundation

/// The share of recent time a worker pool spent full (every slot of the queue in force taken), decayed
/// exponentially with time constant `window`.
///
/// Why the pool needs it besides `SustainedRefusals`: a connection that keeps sending into a full pool has its
/// repeated 503s held (`ShedPacing`), so a few closed-loop clients past capacity make only a few refusals a second,
/// too few to count as sustained, while the queue stays full and every admitted job waits behind it. A pool that
/// was full most of the last second is overloaded whatever the refusal count; a burst near capacity fills it only
/// for moments.
public struct RecentFullness: Sendable {
    public let window: Duration
    private var share = 0.0
    private var isFull = false
    private var since: ContinuousClock.Instant?

    public init(window: Duration) {
        precondition(window > .zero, "the window must be positive")
        self.window = window
    }

    /// The pool is full (or not) from `now` on.
    public mutating func record(full: Bool, at now: ContinuousClock.Instant) {
        share = self.share(at: now)
        since = now
        isFull = full
    }

    /// The decayed share of time spent full up to `now`, from 0 to 1. The state between two records is constant,
    /// so the decay over that stretch is exact.
    public func share(at now: ContinuousClock.Instant) -> Double {
        guard let since, now > since else { return share }
        let decay = exp(-((now - since) / window))
        return share * decay + (isFull ? 1 - decay : 0)
    }
}
