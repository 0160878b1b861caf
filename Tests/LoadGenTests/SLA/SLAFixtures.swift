@testable import LoadGen

/// Stats with the given corrected latencies in ms (uncorrected half of each), `sent` = their count unless given.
func measuredStats(latenciesMs: [UInt64], errors: [ErrorCode: Int] = [:], sent: Int? = nil) -> RequestStats {
    var stats = RequestStats()
    for latency in latenciesMs {
        _ = stats.corrected.record(latency * 1000)
        _ = stats.uncorrected.record(latency * 500)
    }
    stats.completed = latenciesMs.count
    stats.sent = sent ?? latenciesMs.count
    stats.errors = errors
    return stats
}

func measuredPhase(_ name: String, seconds: Int = 10, _ requests: [String: RequestStats]) -> PhaseMeasurements {
    PhaseMeasurements(name: name, elapsed: .seconds(seconds), requests: requests)
}
