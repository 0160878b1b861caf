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
        if let startAt = options.startAt, startAt.addingTimeInterval(scenario.totalDuration.seconds) < Date() {
            return RunResult(
                exitCode: .invalidScenario, summary: "",
                message:
                    "--start-at \(StartRecord.text(startAt)) is more than the whole run (\(scenario.totalDuration)) ago: nothing would be sent"
            )
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
        // A session that runs several scenarios (`loadgen ab`, `loadgen suite`) keeps its own watcher, so a signal
        // after this run still reaches it rather than this run's finished watcher.
        defer { signals.uninstall() }
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
            // Through the fault proxy the load goes to 127.0.0.1, but a certificate must still name the target.
            let loadURL = experiment?.loadURL ?? baseURL
            engine = try LoadEngine(
                scenario: scenario, baseURL: loadURL, loops: options.loops, startDelay: .milliseconds(250),
                segment: options.segment, verifiedHost: loadURL == baseURL ? nil : URLComponents(string: baseURL)?.host,
                environment: options.environment)
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
        // Listening first: a port that cannot be had stops the run before anything is stored or sent.
        var live: (metrics: LiveMetrics, listener: MetricsListener)?
        if let listen = options.metricsListen {
            let metrics = LiveMetrics(scenario: scenario.name, phases: scenario.phases.map(\.name))
            do {
                live = (metrics, try await MetricsListener.start(listen: listen, metrics: metrics))
            } catch {
                return RunResult(
                    exitCode: .couldNotRun, summary: "",
                    message: "--metrics-listen \(listen): cannot listen (\(error)); choose a free port or address")
            }
        }
        defer { live?.listener.stop() }
        if let listener = live?.listener {
            Self.warn("live metrics on \(listener.url)")
        }
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
                    durationScale: options.durationScale, loadFingerprint: LoadFingerprint.of(scenario, segment: options.segment),
                    segment: options.segment.count > 1 ? "\(options.segment)" : nil))
        } catch {
            return RunResult(exitCode: .couldNotRun, summary: "", message: "\(error)")
        }

        live?.metrics.setRunID(runID)
        if !targetEvents.isEmpty {
            do {
                try store.appendSecond(runID: runID, seconds: [], events: targetEvents)
            } catch {
                return RunResult(exitCode: .couldNotRun, summary: "", message: "\(error)")
            }
        }

        // Said on every run, quiet or not: nothing about this target's identity was checked.
        if engine.skipsTLSVerification {
            Self.warn(
                "warning: target.tls.insecure_skip_verify is set: the target's certificate is not verified, so this run "
                    + "cannot tell the service from anything else answering at \(baseURL)")
        }
        if let problem = await engine.checkTLS() {
            Self.warn("warning: the TLS handshake with \(baseURL) fails: \(problem); every request will fail with `tls`")
            try? store.appendSecond(
                runID: runID, seconds: [],
                events: [EventRecord(atMs: 0, kind: "tls", name: "handshake", detail: ["reason": problem], outcome: "failed")])
        }

        // The schedule starts now that everything is ready: setup time (git, the store) never becomes lateness.
        let timeline = engine.start(at: options.startAt)
        if let startAt = options.startAt {
            let start = StartRecord(startAt: startAt, lateness: timeline.lateness, segment: options.segment)
            if let note = start.note { progress.note(note) }
            try? store.appendSecond(runID: runID, seconds: [], events: [start.event])
        }
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
        var session = RunSession<UptimeClock>(plan: RunPlan(scenario), runStart: .init(nanoseconds: timeline.runStart))
        let followed = await followSeconds(
            of: RunParts(
                scenario: scenario, engine: engine, store: store, runID: runID, experiment: experiment, live: live?.metrics,
                abortSignal: options.segment.count > 1
                    ? SegmentAbortSignal(
                        directory: URL(fileURLWithPath: options.databasePath).deletingLastPathComponent(),
                        scenario: scenario.name,
                        startAt: options.startAt, segment: options.segment, startedAt: startedAt) : nil),
            session: &session, finished: finished, signals: signals, progress: &progress)
        var storeError = followed.storeError
        live?.metrics.finish()
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
                    startedAtMs: window.start.milliseconds, endedAtMs: window.end.milliseconds))
        }
        let phaseAtMs = { (ms: Int64) in session.plan.phaseName(atOffset: .milliseconds(ms)) }
        let consistency = VersionConsistency(switches: switches(actionResults), sightings: followed.sightings)
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
            failedActions: failedActions.map { "actions[\($0.index)] \($0.spec.action.name)" }, outcomes: outcomes,
            traffic: phases.flatMap(\.requests.values).reduce(OutcomeCounts.none) { $0 + $1.outcomes })
        let (exitCode, status) = (verdict.exitCode, verdict.status)
        var events: [EventRecord] =
            actionResults.map(\.event) + (recoveryReport?.events ?? [])
            + (experiment?.takeEvents() ?? []) + (chaosReport?.events ?? []) + session.events.map(EventRecord.init)
        // The generator's own accuracy, so a reader can tell a slow target from a late generator.
        let lag = await sendLag(of: engine, atMs: session.measuredUntil.milliseconds)
        events += lag.event.map { [$0] } ?? []
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
            + SummaryTable.render(phases: phases, sla: outcomes, verdict: verdict.text) + samples.summaryLines() + lag.line
            + (actionResults.isEmpty ? "" : "actions:\n" + actionResults.map { "  \($0.summaryLine)\n" }.joined())
            + (recoveryReport?.summaryLine ?? "") + (chaosReport?.summary ?? "")
        var message: String?
        if let storeError { message = "results store: \(storeError)" }
        if let runError { message = "load engine: \(runError)" }
        let outputs = writeOutputs(of: runID, in: store, options: options)
        summary += outputs.lines
        message = outputs.failure ?? message
        summary += "database: \(options.databasePath) (run \(runID))\n"
        return RunResult(exitCode: exitCode, runID: runID, summary: summary, message: message)
    }

    /// A line on stderr that `--quiet` does not silence.
    static func warn(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
