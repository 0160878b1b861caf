/// Measurements of one finished (or running) phase, per request name.
public struct PhaseMeasurements: Sendable {
    public var name: String
    /// Time the phase has run: its full length once finished, time so far while running.
    public var elapsed: Duration
    public var requests: [String: RequestStats]

    public init(name: String, elapsed: Duration, requests: [String: RequestStats] = [:]) {
        self.name = name
        self.elapsed = elapsed
        self.requests = requests
    }

    /// One request's stats, or all requests merged when `request` is nil; empty stats for an unknown name.
    public func stats(for request: String?) -> RequestStats {
        if let request { return requests[request] ?? RequestStats() }
        var merged = RequestStats()
        // Sorted so merging is reproducible regardless of dictionary order.
        for name in requests.keys.sorted() { merged.merge(requests[name]!) }
        return merged
    }
}
