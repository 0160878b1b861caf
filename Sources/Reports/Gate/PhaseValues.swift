/// One run's value of every gated metric for one phase, from its seconds — what the history and interleaved gates
/// compare run by run — and whether each rests on enough data to be judged.
struct PhaseValues {
    var values: [ComparedMetric: Double] = [:]
    /// Metrics measured on too little data (`GateSettings.minimumTail`) or not at all.
    var unmeasurable: Set<ComparedMetric> = []

    init(_ seconds: [SecondSample], settings: GateSettings) {
        latency(seconds, metrics: GateSettings.percentiles, settings: settings)
        latency(seconds.map(\.ofAllAttempts), metrics: GateSettings.allAttemptsPercentiles, settings: settings)
        let outcomes = seconds.reduce(OutcomeCounts.none) { $0 + $1.outcomes }
        values[.errorRate] = outcomes.errorRate
        if outcomes.ended == 0 { unmeasurable.insert(.errorRate) }
        values[.checkRate] = outcomes.checkRate
        if outcomes.checked <= 0 { unmeasurable.insert(.checkRate) }
    }

    private mutating func latency(_ seconds: [SecondSample], metrics: [ComparedMetric], settings: GateSettings) {
        let measured = seconds.filter { $0.latencyCount > 0 }
        let total = measured.reduce(UInt64(0)) { $0 + $1.latencyCount }
        guard total > 0 else {
            unmeasurable.formUnion(metrics)
            return
        }
        let points = LatencyPool(measured).percentiles(metrics.map { $0.percentile ?? 100 }, indices: Array(measured.indices))
        for (metric, point) in zip(metrics, points) {
            values[metric] = point
            // A percentile needs responses beyond it: p99 of 300 responses rests on 3.
            let tail = 1 - (metric.percentile ?? 100) / 100
            if Double(total) * tail < Double(settings.minimumTail) { unmeasurable.insert(metric) }
        }
    }

    func isMeasured(_ metric: ComparedMetric) -> Bool { values[metric] != nil && !unmeasurable.contains(metric) }
}
