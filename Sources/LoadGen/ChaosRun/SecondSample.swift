/// One second of the run as the per-second SLA check sees it: how the requests that ended in it ended, and the
/// latency percentiles the thresholds ask about (corrected, from the second's histogram).
public struct SecondSample: Sendable, Equatable {
    public var second: Int
    public var outcomes: OutcomeCounts
    public var latency: [LatencyPercentile: Duration]

    public init(second: Int, outcomes: OutcomeCounts, latency: [LatencyPercentile: Duration] = [:]) {
        self.second = second
        self.outcomes = outcomes
        self.latency = latency
    }

    /// A second in which `attempted` requests ended, `completed` of them with a response, `errors` of them in error.
    public init(second: Int, attempted: Int, errors: Int, completed: Int, latency: [LatencyPercentile: Duration] = [:]) {
        let withoutResponse = max(0, attempted - completed)
        self.init(
            second: second,
            outcomes: OutcomeCounts(
                attempts: attempted, completions: completed, errorStatuses: max(0, errors - withoutResponse),
                endedWithoutResponse: withoutResponse),
            latency: latency)
    }

    /// Requests that ended in this second, with or without a response.
    public var attempted: Int { outcomes.ended }
    public var errors: Int { outcomes.errors }
    public var completed: Int { outcomes.completions }
    public var errorRate: Double { outcomes.errorRate }

    /// Whether this second alone meets `thresholds` (error rate, latency percentiles, throughput; the thresholds
    /// that only make sense over a whole phase — check rate, dropped count — are left to the phase verdict).
    /// A second without traffic proves nothing: nil.
    public func holds(_ thresholds: [Threshold]) -> Bool? {
        guard attempted > 0 else { return nil }
        for threshold in thresholds {
            switch threshold {
            case .errorRate(let limit):
                if errorRate > limit { return false }
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
