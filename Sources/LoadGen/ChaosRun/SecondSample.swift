/// One second of the run as the per-second SLA check sees it: attempts, errors and the latency percentiles the
/// thresholds ask about (corrected, from the second's histogram).
public struct SecondSample: Sendable, Equatable {
    public var second: Int
    /// Completed plus failed requests.
    public var attempted: Int
    public var errors: Int
    public var completed: Int
    public var latency: [LatencyPercentile: Duration]

    public init(second: Int, attempted: Int, errors: Int, completed: Int, latency: [LatencyPercentile: Duration] = [:]) {
        self.second = second
        self.attempted = attempted
        self.errors = errors
        self.completed = completed
        self.latency = latency
    }

    /// Whether this second alone meets `thresholds` (error rate, latency percentiles, throughput; the thresholds
    /// that only make sense over a whole phase — check rate, dropped count — are left to the phase verdict).
    /// A second without traffic proves nothing: nil.
    public func holds(_ thresholds: [Threshold]) -> Bool? {
        guard attempted > 0 else { return nil }
        for threshold in thresholds {
            switch threshold {
            case .errorRate(let limit):
                if Double(errors) / Double(attempted) > limit { return false }
            case .latency(let percentile, let limit):
                if let observed = latency[percentile], observed > limit { return false }
            case .minThroughput(let rate):
                if Double(completed) < rate.perSecond { return false }
            case .checkRate, .maxDropped:
                continue
            }
        }
        return true
    }
}
