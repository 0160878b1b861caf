import Foundation

extension JSONSummary {
    /// The summary of a stored run.
    public init(store: ResultsStore, runID: Int64) throws {
        self.init(try RunSnapshot.load(store: store, runID: runID))
    }

    /// The summary as written to `--json FILE`.
    public func encoded() throws -> Data {
        try Self.encoder().encode(self)
    }

    init(_ snapshot: RunSnapshot) {
        let run = snapshot.run
        schemaVersion = Self.currentSchemaVersion
        self.run = Run(
            id: run.id ?? 0, name: run.name, status: run.status.rawValue, exitCode: run.exitCode,
            startedAt: run.startedAt, endedAt: run.endedAt, target: run.target
        )
        phases = snapshot.phases.map { Phase(name: $0.name, load: $0.load, startedAtMs: $0.startedAtMs, endedAtMs: $0.endedAtMs) }
        requests = snapshot.requestStats.map { stats in
            // A stored histogram that does not decode reads as not measured rather than failing the summary.
            let attempts = (try? stats.attemptsSummary()) ?? nil
            var byOutcome = ["success": Latency(stats.corrected)]
            byOutcome["error_status"] = ((try? stats.errorStatusSummary()) ?? nil).map(Latency.init)
            byOutcome["no_response"] = ((try? stats.noResponseSummary()) ?? nil).map(Latency.init)
            return Request(
                phase: stats.phase, request: stats.request, sent: stats.sent, completed: stats.completed,
                errors: stats.errors, dropped: stats.dropped, checksPassed: stats.checksPassed,
                checksFailed: stats.checksFailed, throughputPerSecond: snapshot.throughput(stats),
                errorsByCode: stats.errorsByCode,
                latencyMs: Latency(stats.corrected), uncorrectedLatencyMs: Latency(stats.uncorrected),
                allAttemptsLatencyMs: attempts.map(Latency.init), latencyByOutcomeMs: byOutcome,
                slaLatencyMs: Latency((try? stats.judgedLatency()).map(LatencySummary.init) ?? stats.corrected),
                retried: stats.retried, clampedLatencies: stats.clampedLatencies
            )
        }
        sla = snapshot.sla.map {
            SLAOutcome(
                phase: $0.phase, request: $0.request, threshold: $0.threshold, limit: $0.limitText,
                limitValue: $0.limitValue, observed: $0.observed, observedText: $0.observedText,
                uncorrectedObserved: $0.uncorrectedObserved, unit: $0.unit, passed: $0.passed
            )
        }
        // From the error rows rather than request_stats, which may also hold merged `*` rows counted twice.
        errorsByCode = snapshot.errors.reduce(into: [:]) { $0[$1.code, default: 0] += $1.count }
    }
}

extension JSONSummary.Latency {
    init(_ summary: LatencySummary) {
        self.init(
            p50: Double(summary.p50) / 1000, p90: Double(summary.p90) / 1000, p95: Double(summary.p95) / 1000,
            p99: Double(summary.p99) / 1000, p999: Double(summary.p999) / 1000, max: Double(summary.max) / 1000,
            mean: summary.mean / 1000
        )
    }
}
