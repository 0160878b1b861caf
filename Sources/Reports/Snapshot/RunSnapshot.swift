/// Everything stored about one run, read in one go: what the HTML report and the JSON summary are built from.
struct RunSnapshot {
    var run: RunRecord
    var phases: [PhaseRecord]
    var seconds: [SecondRecord]
    var requestStats: [RequestStatsRecord]
    var sla: [SLAResultRecord]
    var errors: [ErrorSampleRecord]
    var events: [EventRecord]

    static func load(store: ResultsStore, runID: Int64) throws -> RunSnapshot {
        guard let run = try store.run(id: runID) else {
            throw ResultsStoreError(kind: .unknownRun, path: store.path, detail: "with id \(runID)")
        }
        return RunSnapshot(
            run: run,
            phases: try store.phases(runID: runID),
            seconds: try store.seconds(runID: runID),
            requestStats: try store.requestStats(runID: runID),
            sla: try store.slaResults(runID: runID),
            errors: try store.errorSamples(runID: runID),
            events: try store.events(runID: runID)
        )
    }

    /// How long a phase ran in seconds, or nil if it never ended (the run was killed during it).
    func durationSeconds(ofPhase name: String) -> Double? {
        guard let phase = phases.first(where: { $0.name == name }), let end = phase.endedAtMs, end > phase.startedAtMs else {
            return nil
        }
        return Double(end - phase.startedAtMs) / 1000
    }

    /// Completed requests per second over the phase, when its duration is known.
    func throughput(_ stats: RequestStatsRecord) -> Double? {
        durationSeconds(ofPhase: stats.phase).map { Double(stats.completed) / $0 }
    }
}
