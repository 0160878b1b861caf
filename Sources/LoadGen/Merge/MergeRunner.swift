import Foundation
import Reports

/// Everything `loadgen merge` takes from its command line.
public struct MergeOptions: Sendable {
    /// Result databases, or directories of them (`*.sqlite`).
    public var inputs: [String]
    public var databasePath: String = "results/loadgen.sqlite"
    public var reportPath: String?
    public var jsonPath: String?
    public var junitPath: String?
    /// Store a run even when segments are missing, marked partial.
    public var partial = false
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    public var commandLine: String = CommandLine.arguments.joined(separator: " ")

    public init(inputs: [String]) {
        self.inputs = inputs
    }
}

/// `loadgen merge`: stores the segments of one split run as one run, judged as a whole (`SegmentMerge`).
public enum MergeRunner {
    public static func run(_ options: MergeOptions) -> RunResult {
        do {
            return try merge(options)
        } catch let error as MergeError {
            if case .invalid = error { return RunResult(exitCode: .invalidScenario, summary: "", message: "merge: \(error)") }
            return RunResult(exitCode: .couldNotRun, summary: "", message: "merge: \(error)")
        } catch {
            return RunResult(exitCode: .couldNotRun, summary: "", message: "merge: \(error)")
        }
    }

    private static func merge(_ options: MergeOptions) throws -> RunResult {
        var inputs: [SegmentRun] = []
        for path in try SegmentRun.databases(in: options.inputs) { inputs.append(try SegmentRun.load(path: path)) }
        let merge = try SegmentMerge(inputs, partial: options.partial)
        let lead = merge.inputs[0]
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.parse(
                yaml: lead.run.scenarioText, file: lead.run.scenarioFile,
                baseDirectory: URL(fileURLWithPath: lead.run.scenarioFile).deletingLastPathComponent(),
                environment: options.environment)
        } catch {
            throw MergeError.invalid(
                "cannot read again the scenario stored with \(lead.path) (its SLAs judge the merged run); run merge where its files and variables are: \(error)"
            )
        }

        let phases = try merge.mergedPhases()
        let requestStats = try merge.mergedRequestStats().filter { $0.request != "*" }
        let measured: [PhaseMeasurements] = phases.compactMap { phase in
            guard let end = phase.endedAtMs else { return nil }
            var requests: [String: RequestStats] = [:]
            for row in requestStats where row.phase == phase.name {
                requests[row.request, default: RequestStats()].merge(row.stats)
            }
            return PhaseMeasurements(name: phase.name, elapsed: .milliseconds(end - phase.startedAtMs), requests: requests)
        }
        let judged = SLAEvaluator.evaluate(rules: scenario.sla, phases: measured)
        // What only the acting segment measured (recovery, steady state, version consistency) is taken from it.
        let judgedKeys = Set(judged.map { "\($0.phase)\u{0}\($0.request ?? "")\u{0}\($0.threshold)" })
        let acting = (lead.segment.isLeader ? try lead.store.slaResults(runID: lead.run.id ?? 0) : [])
            .filter { !judgedKeys.contains("\($0.phase)\u{0}\($0.request ?? "")\u{0}\($0.threshold)") }
            .map(SLAOutcome.init)
        let outcomes = judged + acting

        let stoppedEarly = try merge.inputs.compactMap { input -> String? in
            let events = try input.store.events(runID: input.run.id ?? 0)
            guard
                events.contains(where: {
                    ($0.kind == "sla" && $0.name == "abort_on_fail") || $0.name == "peer_abort" || $0.name == "data_exhausted"
                })
                    || input.run.status == .aborted
            else { return nil }
            return "segment \(input.segment) stopped early (\(input.run.status.rawValue))"
        }
        let leadEvents = lead.segment.isLeader ? try lead.store.events(runID: lead.run.id ?? 0) : []
        let verdict = RunVerdict(
            interrupted: merge.inputs.contains { $0.run.exitCode == RunExitCode.interrupted.rawValue }, abortedByRule: false,
            chaosAbort: nil, peerAbort: stoppedEarly.first,
            faultsNotInjected: leadEvents.filter { $0.kind == "chaos" && $0.outcome == "failed" }.map(\.name),
            failedActions: leadEvents.filter { $0.kind == "action" && $0.outcome == "failed" }.map(\.name), outcomes: outcomes,
            traffic: measured.flatMap(\.requests.values).reduce(OutcomeCounts.none) { $0 + $1.outcomes })

        let partial =
            merge.missing.isEmpty
            ? "" : " [partial: segment(s) \(merge.missing.map { "\($0)/\(merge.count)" }.joined(separator: ", ")) missing]"
        let store: ResultsStore
        do {
            store = try ResultsStore.open(path: options.databasePath)
        } catch {
            throw MergeError.unreadable("\(error)")
        }
        let runID = try store.beginRun(
            RunStart(
                name: lead.run.name, description: lead.run.description + partial, scenarioFile: lead.run.scenarioFile,
                scenarioText: lead.run.scenarioText, target: lead.run.target, gitRevision: lead.run.gitRevision,
                host: Array(Set(merge.inputs.map(\.run.host))).sorted().joined(separator: ", "),
                commandLine: options.commandLine, startedAt: merge.inputs.map(\.run.startedAt).min() ?? Date(),
                durationScale: lead.run.durationScale, loadFingerprint: merge.loadFingerprint))
        for phase in phases { try store.recordPhase(runID: runID, phase) }
        try store.appendSecond(runID: runID, seconds: try merge.mergedSeconds(), events: [])
        let mergeEvent = EventRecord(
            atMs: 0, kind: "run", name: "merged",
            detail: [
                "segments": merge.inputs.map { "\($0.segment)" }.joined(separator: ","), "of": "\(merge.count)",
                "partial": merge.missing.isEmpty ? "no" : "yes",
            ])
        let events = try merge.mergedEvents()
        try store.finishRun(
            runID: runID, status: verdict.status, exitCode: verdict.exitCode.rawValue,
            endedAt: merge.inputs.compactMap(\.run.endedAt).max() ?? Date(),
            requestStats: requestStats.map { StoreRecords.requestStats($0.stats, phase: $0.phase, request: $0.request) },
            sla: outcomes.map(StoreRecords.sla), errors: try merge.mergedErrors(),
            events: [mergeEvent] + events)

        var summary =
            "\(lead.run.name): \(merge.inputs.count) of \(merge.count) segments merged\(partial) (run \(runID))\n\n"
            + SummaryTable.render(phases: measured, sla: outcomes, verdict: verdict.text)
            + segmentLines(events.filter { $0.kind == "segment" })
        let outputs = ScenarioRunner.writeOutputs(
            of: runID, in: store, reportPath: options.reportPath, jsonPath: options.jsonPath, junitPath: options.junitPath)
        summary += outputs.lines + "database: \(options.databasePath) (run \(runID))\n"
        return RunResult(exitCode: verdict.exitCode, runID: runID, summary: summary, message: outputs.failure)
    }
}

extension MergeRunner {
    /// The per-segment breakdown under the summary: a slow or late generator stands out.
    static func segmentLines(_ segments: [EventRecord]) -> String {
        let rows = segments.map { event in
            [
                event.name, event.detail["host"] ?? "", event.outcome ?? "", event.detail["sent"] ?? "",
                event.detail["errors"] ?? "", event.detail["send_lag_p99_ms"].map { "\($0)ms" } ?? "—",
                event.detail["late_ms"].map { "\($0)ms" } ?? "—",
            ]
        }
        let header = ["segment", "host", "status", "sent", "errors", "send lag p99", "late"]
        return "\nsegments:\n" + TextTable.render([header] + rows, rightAlignNumbers: true)
    }
}

extension SLAOutcome {
    /// A stored outcome, as the summary table shows it.
    init(_ record: SLAResultRecord) {
        self.init(
            phase: record.phase, request: record.request, threshold: record.threshold, limit: record.limitText,
            limitValue: record.limitValue, observed: record.observed, observedText: record.observedText,
            uncorrectedObserved: record.uncorrectedObserved, passed: record.passed, unit: record.unit)
    }
}
