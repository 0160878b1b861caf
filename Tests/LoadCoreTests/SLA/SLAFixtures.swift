@testable import LoadCore

/// Stats with the given corrected latencies in ms (uncorrected half of each), `sent` = their count unless given.
func measuredStats(latenciesMs: [UInt64], errors: [ErrorCode: Int] = [:], sent: Int? = nil) -> RequestStats {
    var stats = RequestStats()
    for latency in latenciesMs {
        _ = stats.corrected.record(latency * 1000)
        _ = stats.uncorrected.record(latency * 500)
    }
    stats.sent = sent ?? latenciesMs.count
    stats.errors = errors
    // Every request sent either got a response or failed in transport, as in a finished phase.
    let failedInTransport = errors.reduce(0) { $0 + ($1.key.endsWithoutResponse && $1.key != .dropped ? $1.value : 0) }
    stats.completed = sent.map { $0 - failedInTransport } ?? latenciesMs.count
    return stats
}

func measuredPhase(_ name: String, seconds: Int = 10, _ requests: [String: RequestStats]) -> PhaseMeasurements {
    PhaseMeasurements(name: name, elapsed: .seconds(seconds), requests: requests)
}
