extension BundledReplicas {
    /// How long the supervisor waits before restarting a crashed replica, as Kubernetes' `restartPolicy: Always`
    /// does: `initial`, doubled after each crash in a row, at most `maximum`; a replica that stayed up for
    /// `resetAfter` starts again from `initial`.
    public struct RestartBackoff: Sendable, Equatable {
        public var initial: Duration
        public var maximum: Duration
        public var resetAfter: Duration

        public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(10), resetAfter: Duration = .seconds(30))
        {
            self.initial = initial
            self.maximum = maximum
            self.resetAfter = resetAfter
        }

        /// The wait before restart number `crashesInARow` (1 for the first crash).
        public func delay(afterCrashesInARow crashesInARow: Int) -> Duration {
            var delay = initial
            for _ in 1..<max(crashesInARow, 1) {
                delay *= 2
                if delay >= maximum { return maximum }
            }
            return min(delay, maximum)
        }
    }
}
