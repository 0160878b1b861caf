extension BundledReplicas {
    /// One restart the supervisor made, for the run's events.
    public struct SupervisorEvent: Sendable {
        public enum Outcome: String, Sendable {
            /// The new process logged that its models are loaded.
            case ready
            /// It exited again or did not get ready in time; the supervisor keeps trying with a longer wait.
            case failed
        }

        /// 1-based slot.
        public var replica: Int
        public var previousProcessID: Int32?
        /// How the previous process ended, e.g. "signal 9".
        public var exitReason: String
        /// Restarts of this slot in a row without it staying up.
        public var crashesInARow: Int
        /// The backoff waited before launching.
        public var waited: Duration
        public var newProcessID: Int32?
        public var outcome: Outcome
        /// Wall-clock seconds since 1970 when the restart finished.
        public var wallTime: Double
        public var detail: String
    }
}
