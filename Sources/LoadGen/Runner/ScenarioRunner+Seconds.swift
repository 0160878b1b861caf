import NIOConcurrencyHelpers
import Reports

/// What a run's loop works with once the engine has started.
struct RunParts {
    let scenario: Scenario
    let engine: LoadEngine
    let store: ResultsStore
    let runID: Int64
    let experiment: ChaosExperiment?
    /// `--metrics-listen`: the live numbers a scrape reads.
    let live: LiveMetrics?
    /// Split runs (`--segment`): where the segments tell each other about an abort.
    let abortSignal: SegmentAbortSignal?
}

extension ScenarioRunner {
    /// The run's loop: every second, what the session says is due goes from the engine to the store, the progress
    /// line and the chaos experiment; the session's decisions (abort, interrupt) are performed. Returns when the
    /// engine is done, with the responses' version sightings and the first store error, if any.
    static func followSeconds(
        of run: RunParts, session: inout RunSession<UptimeClock>, finished: NIOLockedValueBox<Bool>, signals: InterruptSignals,
        progress: inout ProgressReporter
    ) async -> (sightings: [VersionConsistency.Sighting], storeError: (any Error)?) {
        let (scenario, engine, experiment) = (run.scenario, run.engine, run.experiment)
        let clock = UptimeClock()
        let runStart = session.runStart.nanoseconds
        var storeError: (any Error)?
        var versionSightings: [VersionConsistency.Sighting] = []
        while true {
            let due = session.nextCollection
            // Wakes at least every 100 ms, so the engine's end is noticed at once.
            try? await clock.sleep(until: min(due, clock.now.advanced(by: .milliseconds(100))))
            let isDone = finished.withLockedValue { $0 }
            let now = clock.now
            guard now >= due || isDone else { continue }
            let taken = (try? await engine.takeSeconds(before: session.secondsEnded(at: now, engineDone: isDone))) ?? []
            let collected = session.collect(taken, at: now, engineDone: isDone)
            let gauges = (try? await engine.gauges()) ?? (connections: 0, users: 0)
            let records = zip(collected.seconds, collected.phases).map { second, phase in
                StoreRecords.second(second, phase: phase, connections: gauges.connections, users: gauges.users)
            }
            do {
                try run.store.appendSecond(runID: run.runID, seconds: records, events: experiment?.takeEvents() ?? [])
            } catch {
                storeError = storeError ?? error
            }
            versionSightings += sightings(collected.seconds, runStart: runStart)
            if let live = run.live {
                live.add(collected.seconds, phases: collected.phases)
                live.update(
                    phase: session.phase(at: now).map { scenario.phases[$0].name },
                    elapsed: max(.zero, min(session.elapsed(at: now), scenario.totalDuration)), connections: gauges.connections,
                    users: gauges.users, sendLag: try? await engine.sendLag(), activeFaults: experiment?.activeFaults ?? [])
            }
            if let last = collected.seconds.last {
                progress.show(
                    ProgressReporter.Tick(
                        elapsed: max(.zero, min(session.elapsed(at: now), scenario.totalDuration)), total: scenario.totalDuration,
                        phase: session.phase(at: now).map { scenario.phases[$0].name } ?? "finishing",
                        completedLastSecond: last.completed,
                        p99LastSecondMicros: last.latency.totalCount > 0 ? last.latency.valueAtPercentile(99) : nil,
                        errors: session.errorsSoFar, dropped: session.droppedSoFar, connections: gauges.connections,
                        users: gauges.users))
            }
            // Every second reaches the experiment (recovery is judged on them), the last ones too.
            experiment?.observe(collected.seconds)
            await perform(collected.actions, in: run, progress: &progress)
            // Checked before the end too: a feed that ran out in the last second still fails the run.
            if let reason = engine.dataExhausted {
                await perform(session.dataExhausted(reason, at: now), in: run, progress: &progress)
            }
            if isDone { break }
            if let phase = session.phaseForAbortRules(at: now), let stats = try? await engine.stats(phase: phase) {
                await perform(session.judgeAbortRules(phase: phase, requests: stats, at: now), in: run, progress: &progress)
            }
            if let reason = run.abortSignal?.peerAbort() {
                await perform(session.peerAborted(reason, at: now), in: run, progress: &progress)
            }
            if signals.isInterrupted {
                await perform(session.interrupt(at: now), in: run, progress: &progress)
            }
        }
        return (versionSightings, storeError)
    }

    /// Does what the run session decided, in its order.
    static func perform(_ actions: [RunAction], in run: RunParts, progress: inout ProgressReporter) async {
        for action in actions {
            switch action {
            case .note(let line): progress.note(line)
            case .stopEngine: run.engine.stop()
            case .revertFaults(let reason): await run.experiment?.revertAll(reason: reason)
            case .announceAbort(let reason): run.abortSignal?.announce(reason)
            }
        }
    }
}
