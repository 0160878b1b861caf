/// `abort: { error_rate: 50%, for: 5s }`: the experiment ends when the per-second error rate stays at or above
/// `errorRate` for `duration`.
public struct ChaosAbortCondition: Sendable, Equatable {
    public var errorRate: Double
    public var duration: Duration

    public init(errorRate: Double, duration: Duration) {
        self.errorRate = errorRate
        self.duration = duration
    }
}
