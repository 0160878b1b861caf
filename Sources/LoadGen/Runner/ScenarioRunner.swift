import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Reports

/// What `loadgen run` ended with.
public struct RunResult: Sendable {
    public var exitCode: RunExitCode
    public var runID: Int64?
    /// The summary table and verdict (empty when the run never started).
    public var summary: String
    /// Why the run could not start or was cut short, for stderr.
    public var message: String?
}

/// Runs one scenario end to end: validate, start the target, drive the load, flush each second to the store,
/// judge the SLAs, write the outputs, stop what it started.
public enum ScenarioRunner {
    public static func run(_ options: RunOptions) async -> RunResult {
        var progress = ProgressReporter(mode: options.progress)

        // Everything is validated before anything runs.
        let scenario: Scenario
        let bundledSpec: BundledTarget?
        var baseURL: String?
        do {
            (scenario, bundledSpec, baseURL) = try validated(options)
        } catch {
            return RunResult(exitCode: .invalidScenario, summary: "", message: "\(error)")
        }

        let store: ResultsStore
        do {
            store = try ResultsStore.open(path: options.databasePath)
        } catch {
            return RunResult(exitCode: .couldNotRun, summary: "", message: "\(error)")
        }
        if !store.recoveredRuns.isEmpty {
            progress.note(
                "marked \(store.recoveredRuns.count) run(s) left 'running' by a killed loadgen as aborted: \(store.recoveredRuns.map(String.init).joined(separator: ", "))"
            )
        }

        let signals = InterruptSignals.install()
        var replicas: BundledReplicas?
        if let spec = bundledSpec {
            do {
                let executable = try TargetServiceExecutable.locate(explicit: options.targetServiceExecutable)
                progress.note("starting \(spec.replicas) bundled replica(s) of \(executable.lastPathComponent)…")
                let started = try await BundledReplicas.start(spec, executable: executable) { line in progress.note(line) }
                replicas = started
                baseURL = started.baseURL
            } catch {
                return RunResult(exitCode: .couldNotRun, summary: "", message: "\(error)")
            }
        }
        guard let baseURL else { return RunResult(exitCode: .couldNotRun, summary: "", message: "no target") }
        if signals.isInterrupted {
            await replicas?.stop()
            return RunResult(exitCode: .interrupted, summary: "", message: "interrupted before the run started")
        }

        // Chaos: the fault proxy (the load then goes through it), tmpfs data directories, the supervisor.
        var experiment: ChaosExperiment?
        if let chaos = scenario.chaos {
            do {
                experiment = try await ChaosExperiment.prepare(
                    spec: chaos, targetURL: baseURL, replicas: replicas, environment: options.environment
                ) { line in progress.note(line) }
            } catch {
                await replicas?.stop()
                return RunResult(exitCode: .couldNotRun, summary: "", message: "chaos: \(error)")
            }
        }

        // Which processes served the run, on the run's own timeline: the report lists it, and tests prove every one
        // of them is gone after the run without having to catch them while it runs.
        let targetEvents =
            replicas.map { started in
                [
                    EventRecord(
                        atMs: 0, kind: "target", name: "replicas ready",
                        detail: [
                            "replicas": "\(started.processIDs.count)",
                            "pids": started.processIDs.map(String.init).joined(separator: ","),
                            "url": started.baseURL,
                        ])
                ]
            } ?? []
        let result = await drive(
            scenario: scenario, baseURL: baseURL, options: options, store: store, signals: signals, targetEvents: targetEvents,
            replicas: replicas, experiment: experiment, progress: &progress)
        await experiment?.finish()
        await replicas?.stop()
        experiment?.releaseDataDirectories()
        return result
    }

    private static func drive(
        scenario: Scenario, baseURL: String, options: RunOptions, store: ResultsStore, signals: InterruptSignals,
        targetEvents: [EventRecord], replicas: BundledReplicas?, experiment: ChaosExperiment?, progress: inout ProgressReporter
    ) async -> RunResult {
        let engine: LoadEngine
        do {
            // The delay lets the engine connect its warm-up connections before the first request is due.
            engine = try LoadEngine(
                scenario: scenario, baseURL: experiment?.loadURL ?? baseURL, loops: options.loops, startDelay: .milliseconds(250))
        } catch {
            return RunResult(exitCode: .couldNotRun, summary: "", message: "\(error)")
        }
        // The engine's loops are shut down before the run returns, whichever way it ends.
        let result = await drive(
            engine: engine, scenario: scenario, baseURL: baseURL, options: options, store: store, signals: signals,
            targetEvents: targetEvents, replicas: replicas, experiment: experiment, progress: &progress)
        await engine.shutdown()
        return result
    }

    private static func drive(
        engine: LoadEngine, scenario: Scenario, baseURL: String, options: RunOptions, store: ResultsStore,
        signals: InterruptSignals, targetEvents: [EventRecord], replicas: BundledReplicas?, experiment: ChaosExperiment?,
        progress: inout ProgressReporter
    ) async -> RunResult {
        let scenarioText = (try? String(contentsOfFile: options.scenarioPath, encoding: .utf8)) ?? ""
        let scenarioDirectory = URL(fileURLWithPath: options.scenarioPath).deletingLastPathComponent()
        let startedAt = Date()
        let runID: Int64
        do {
            runID = try store.beginRun(
                RunStart(
                    name: scenario.name, description: scenario.description, scenarioFile: options.scenarioPath,
                    scenarioText: scenarioText, target: baseURL,
                    gitRevision: RunContext.gitRevision(near: scenarioDirectory, environment: options.environment),
                    host: RunContext.hostName, commandLine: options.commandLine, startedAt: startedAt,
                    durationScale: options.durationScale, loadFingerprint: LoadFingerprint.of(scenario)))
        } catch {
            return RunResult(exitCode: .couldNotRun, summary: "", message: "\(error)")
        }

        if !targetEvents.isEmpty {
            do {
                try store.appendSecond(runID: runID, seconds: [], events: targetEvents)
            } catch {
                return RunResult(exitCode: .couldNotRun, summary: "", message: "\(error)")
            }
        }

        // The schedule starts now that everything is ready: setup time (git, the store) never becomes lateness.
        let timeline = engine.start()
        let finished = NIOLockedValueBox(false)
        let runTask = Task {
            defer { finished.withLockedValue { $0 = true } }
            try await engine.run()
        }
        // The disaster-recovery drill's canary writes from the start; its probes start with the disaster.
        let recovery = recoveryDrill(
            scenario: scenario, baseURL: baseURL, replicas: replicas, options: options, runStart: timeline.runStart)
        recovery?.start()
        // Actions run beside the load, off the engine's loops, on the same timeline.
        let actionContext = ActionContext(
            replicas: replicas, environment: options.environment, workingDirectory: scenarioDirectory,
            runStart: timeline.runStart,
            recovery: recovery, targetURL: experiment?.loadURL ?? baseURL)
        let actionTask = Task { await ActionExecutor(actions: scenario.actions, context: actionContext).run() }
        do {
            try experiment?.start(runStart: timeline.runStart, context: actionContext)
        } catch {
            progress.note("chaos: \(error.message)")
            engine.stop()
        }
        let clock = UptimeClock()
        var session = RunSession<UptimeClock>(plan: RunPlan(scenario), runStart: .init(nanoseconds: timeline.runStart))
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
                try store.appendSecond(runID: runID, seconds: records, events: experiment?.takeEvents() ?? [])
            } catch {
                storeError = error
            }
            versionSightings += sightings(collected.seconds, runStart: timeline.runStart)
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
            await perform(collected.actions, engine: engine, experiment: experiment, progress: &progress)
            if isDone { break }
            if let phase = session.phaseForAbortRules(at: now), let stats = try? await engine.stats(phase: phase) {
                let actions = session.judgeAbortRules(phase: phase, requests: stats, at: now)
                await perform(actions, engine: engine, experiment: experiment, progress: &progress)
            }
            if signals.isInterrupted {
                await perform(session.interrupt(at: now), engine: engine, experiment: experiment, progress: &progress)
            }
        }
        progress.finish()
        if session.stoppedEarly { actionTask.cancel() }
        var actionResults = await actionTask.value
        let recoveryReport = await recovery?.finish()
        let failedActions = actionResults.filter { !$0.succeeded && !$0.spec.continueOnFailure }
        var runError: (any Error)?
        do {
            try await runTask.value
        } catch {
            runError = error
        }

        var phases: [PhaseMeasurements] = []
        for window in session.phaseWindows {
            let stats = (try? await engine.stats(phase: window.index)) ?? [:]
            phases.append(PhaseMeasurements(name: window.name, elapsed: window.elapsed, requests: stats))
            try? store.recordPhase(
                runID: runID,
                PhaseRecord(
                    index: window.index, name: window.name, load: scenario.phases[window.index].load.summary,
                    startedAtMs: window.start.nanoseconds / 1_000_000, endedAtMs: window.end.nanoseconds / 1_000_000))
        }
        let phaseAtMs = { (ms: Int64) in session.plan.phaseName(atOffset: .milliseconds(ms)) }
        let consistency = VersionConsistency(switches: switches(actionResults), sightings: versionSightings)
        annotate(&actionResults, with: consistency)
        let phaseOutcomes =
            SLAEvaluator.evaluate(rules: scenario.sla, phases: phases)
            + versionOutcomes(
                rules: scenario.sla, phases: phases, consistency: consistency,
                phaseOfSecond: { second in session.plan.phaseName(atOffset: .seconds(second)) })
        let recoveryOutcomes =
            recoveryReport.map { $0.outcomes(rules: scenario.sla, phase: phaseAtMs($0.disasterAtMs)) }
            ?? Self.unmeasuredRecoveryOutcomes(rules: scenario.sla)
        await experiment?.finish()
        let chaosReport = experiment?.report(rules: scenario.sla, phaseAt: phaseAtMs)
        let outcomes = phaseOutcomes + recoveryOutcomes + (chaosReport?.outcomes ?? [])
        let verdict = session.verdict(
            faultsNotInjected: chaosReport?.failedInjections ?? [],
            failedActions: failedActions.map { "actions[\($0.index)] \($0.spec.action.name)" }, outcomes: outcomes)
        let (exitCode, status) = (verdict.exitCode, verdict.status)
        var events: [EventRecord] =
            actionResults.map(\.event) + (recoveryReport?.events ?? [])
            + (experiment?.takeEvents() ?? []) + (chaosReport?.events ?? []) + session.events.map(EventRecord.init)
        // The generator's own accuracy, so a reader can tell a slow target from a late generator.
        var lagLine = ""
        if let lag = try? await engine.sendLag(), lag.totalCount > 0 {
            let ms = { (micros: UInt64) in String(format: "%.3f", Double(micros) / 1000) }
            let (p50, p99, max) = (lag.valueAtPercentile(50), lag.valueAtPercentile(99), lag.max)
            lagLine =
                "send lag (actual - intended send time): p50 \(ms(p50))ms, p99 \(ms(p99))ms, max \(ms(max))ms over \(lag.totalCount) requests\n"
            events.append(
                EventRecord(
                    atMs: session.measuredUntil.nanoseconds / 1_000_000, kind: "engine", name: "send_lag",
                    detail: ["p50_ms": ms(p50), "p99_ms": ms(p99), "max_ms": ms(max), "count": "\(lag.totalCount)"]))
        }
        let samples = (try? await engine.errorSamples()) ?? ErrorSamples()
        var requestRows: [RequestStatsRecord] = []
        for phase in phases {
            for (name, stats) in phase.requests.sorted(by: { $0.key < $1.key }) {
                requestRows.append(StoreRecords.requestStats(stats, phase: phase.name, request: name))
            }
        }
        do {
            try store.finishRun(
                runID: runID, status: status, exitCode: exitCode.rawValue, endedAt: Date(), requestStats: requestRows,
                sla: outcomes.map(StoreRecords.sla), errors: StoreRecords.errors(phases: phases, samples: samples), events: events
            )
        } catch {
            storeError = storeError ?? error
        }

        var summary =
            "\(scenario.name) against \(baseURL) (run \(runID))\n\n"
            + SummaryTable.render(phases: phases, sla: outcomes, verdict: verdict.text) + lagLine
            + (actionResults.isEmpty ? "" : "actions:\n" + actionResults.map { "  \($0.summaryLine)\n" }.joined())
            + (recoveryReport?.summaryLine ?? "") + (chaosReport?.summary ?? "")
        var message: String?
        if let storeError { message = "results store: \(storeError)" }
        if let runError { message = "load engine: \(runError)" }
        if let path = options.reportPath {
            do {
                try write(try HTMLReport.render(store: store, runID: runID), to: path)
                summary += "report:   \(path)\n"
            } catch {
                message = "cannot write the report to \(path): \(error)"
            }
        }
        if let path = options.jsonPath {
            do {
                let data = try JSONSummary.encoder().encode(try JSONSummary(store: store, runID: runID))
                try write(String(decoding: data, as: UTF8.self), to: path)
                summary += "json:     \(path)\n"
            } catch {
                message = "cannot write the JSON summary to \(path): \(error)"
            }
        }
        if let path = options.junitPath {
            do {
                try write(try JUnitDocument(store: store, runID: runID).render(), to: path)
                summary += "junit:    \(path)\n"
            } catch {
                message = "cannot write the JUnit report to \(path): \(error)"
            }
        }
        summary += "database: \(options.databasePath) (run \(runID))\n"
        return RunResult(exitCode: exitCode, runID: runID, summary: summary, message: message)
    }

    /// Does what the run session decided, in its order.
    private static func perform(
        _ actions: [RunAction], engine: LoadEngine, experiment: ChaosExperiment?, progress: inout ProgressReporter
    ) async {
        for action in actions {
            switch action {
            case .note(let line): progress.note(line)
            case .stopEngine: engine.stop()
            case .revertFaults(let reason): await experiment?.revertAll(reason: reason)
            }
        }
    }

    private static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
