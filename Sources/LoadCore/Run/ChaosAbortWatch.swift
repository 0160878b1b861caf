/// Watches the per-second error rate for a chaos experiment's abort condition: it fires once the rate has been at
/// or above the limit for every second of the condition's duration in a row (seconds without traffic break the
/// run, since they prove nothing either way).
public struct ChaosAbortWatch: Sendable {
    public let condition: ChaosAbortCondition
    private var streak = 0

    public init(condition: ChaosAbortCondition) {
        self.condition = condition
    }

    /// Seconds in a row the condition needs (at least one).
    public var secondsNeeded: Int {
        let (seconds, attoseconds) = condition.duration.components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }

    /// Feeds one second; true once the condition holds.
    public mutating func observe(_ sample: SecondSample) -> Bool {
        if sample.attempted > 0, sample.errorRate >= condition.errorRate {
            streak += 1
        } else {
            streak = 0
        }
        return streak >= secondsNeeded
    }
}
