import Histogram
import Foundation

extension GateReport {
    /// Gates `candidateRunID` against one baseline run (`bootstrap`), phase by phase in the candidate's order.
    public init(store: ResultsStore, baselineRunID: Int64, candidateRunID: Int64, settings: GateSettings = GateSettings()) throws
    {
        try self.init(store: store, baselineRunIDs: [baselineRunID], candidateRunID: candidateRunID, settings: settings)
    }

    /// Gates `candidateRunID` against a baseline history: with one run by block bootstrap (and a note that the noise
    /// between runs is unknown), with two or more by their spread (`HistoryStatistics`). The candidate, if among the
    /// baselines, is left out of them. Runs that applied different load are refused unless `allowDifferentLoad`.
    public init(
        store: ResultsStore, baselineRunIDs: [Int64], candidateRunID: Int64, settings: GateSettings = GateSettings(),
        allowDifferentLoad: Bool = false
    ) throws {
        try self.init(
            store: store, baselineRunIDs: baselineRunIDs, candidateRunIDs: [candidateRunID], settings: settings,
            allowDifferentLoad: allowDifferentLoad)
    }

    /// Gates one or more candidate runs against a baseline history. One run against one run is judged by block
    /// bootstrap; anything more by the runs' spread (`HistoryStatistics`), the candidates' mean against the
    /// baselines'. Candidate runs that are also in the baseline set are left out of the baselines.
    public init(
        store: ResultsStore, baselineRunIDs: [Int64], candidateRunIDs: [Int64], settings: GateSettings = GateSettings(),
        allowDifferentLoad: Bool = false
    ) throws {
        precondition(!candidateRunIDs.isEmpty, "a gate needs a candidate run")
        let history = baselineRunIDs.filter { !candidateRunIDs.contains($0) }
        guard !history.isEmpty else { throw GateError.sameRun(candidateRunIDs.last!) }
        let bases = try history.map { try RunSnapshot.load(store: store, runID: $0) }
        let cands = try candidateRunIDs.map { try RunSnapshot.load(store: store, runID: $0) }
        var notes = try Self.checkLoad(
            baselines: bases.map(\.run), candidates: cands.map(\.run), allowDifferent: allowDifferentLoad)
        if history.count < baselineRunIDs.count {
            let left = baselineRunIDs.filter { candidateRunIDs.contains($0) }.map(String.init).joined(separator: ", ")
            notes.append("Candidate run(s) \(left) are in the baseline set; they were left out of the baselines.")
        }
        let baseSeconds = try bases.map { try Self.samplesByPhase($0, path: store.path) }
        let candSeconds = try cands.map { try Self.samplesByPhase($0, path: store.path) }
        let (common, unmatched) = try Self.phases(of: bases + cands, seconds: baseSeconds + candSeconds, path: store.path)
        let results: [GateMetricResult]
        let method: Method
        if bases.count == 1 && cands.count == 1 {
            method = .bootstrap
            notes.append(
                """
                Between-run noise is unknown: there is one baseline run, and resampling its seconds sees only the noise \
                inside a run, so the margin (\(Self.percent(settings.margin))) alone stands for drift between runs. \
                Add runs of the baseline build to a set with `loadgen tag RUN NAME --add` (5 is the default history) \
                and gate with --baseline NAME, or compare both builds with `loadgen ab`.
                """)
            results = common.flatMap { phase in
                RegressionStatistics.judge(
                    phase: phase, baseline: baseSeconds[0][phase] ?? [], candidate: candSeconds[0][phase] ?? [],
                    settings: settings)
            }
        } else {
            method = .history
            if let note = Self.oneSittingNote(bases.map(\.run)) { notes.append(note) }
            results = common.flatMap { phase in
                HistoryStatistics.judge(
                    phase: phase, baselines: baseSeconds.map { $0[phase] ?? [] }, candidates: candSeconds.map { $0[phase] ?? [] },
                    settings: settings)
            }
            if let note = Self.resolutionNote(results, method: .history, settings: settings) { notes.append(note) }
        }
        self.init(
            method: method, baselineRuns: bases.map { RunReference($0.run) }, candidateRuns: cands.map { RunReference($0.run) },
            settings: settings, results: results, unmatchedPhases: unmatched, notes: notes)
    }

    /// Gates the rounds of an interleaved session (`loadgen ab`): each a baseline and a candidate run of the same
    /// scenario slice, judged by their paired differences (`PairedStatistics`).
    public init(
        store: ResultsStore, rounds: [(baseline: Int64, candidate: Int64)], settings: GateSettings = GateSettings(),
        allowDifferentLoad: Bool = false
    ) throws {
        guard rounds.count >= 2 else { throw GateError.tooFewRounds(rounds.count) }
        let bases = try rounds.map { try RunSnapshot.load(store: store, runID: $0.baseline) }
        let cands = try rounds.map { try RunSnapshot.load(store: store, runID: $0.candidate) }
        var notes = try Self.checkLoad(
            baselines: bases.map(\.run), candidates: cands.map(\.run), allowDifferent: allowDifferentLoad)
        let baseSeconds = try bases.map { try Self.samplesByPhase($0, path: store.path) }
        let candSeconds = try cands.map { try Self.samplesByPhase($0, path: store.path) }
        let (common, unmatched) = try Self.phases(of: bases + cands, seconds: baseSeconds + candSeconds, path: store.path)
        let results = common.flatMap { phase in
            PairedStatistics.judge(
                phase: phase, rounds: zip(baseSeconds, candSeconds).map { ($0[phase] ?? [], $1[phase] ?? []) }, settings: settings
            )
        }
        if let note = Self.resolutionNote(results, method: .interleaved, settings: settings) { notes.append(note) }
        self.init(
            method: .interleaved, baselineRuns: bases.map { RunReference($0.run) },
            candidateRuns: cands.map { RunReference($0.run) },
            settings: settings, results: results, unmatchedPhases: unmatched, notes: notes)
    }

    /// Baseline runs made in one sitting (within `oneSitting` of each other) share that sitting's machine state:
    /// their spread understates the drift between runs made at different times, which a later candidate meets. On a
    /// shared 2-core machine, five back-to-back 10 s runs spread by ±4 % while the next same-build run was +16 %.
    static let oneSitting: TimeInterval = 30 * 60

    static func oneSittingNote(_ baselines: [RunRecord]) -> String? {
        guard baselines.count >= 2 else { return nil }
        let starts = baselines.map(\.startedAt)
        guard let first = starts.min(), let last = starts.max(), last.timeIntervalSince(first) < oneSitting else { return nil }
        let minutes = max(1, Int((last.timeIntervalSince(first) / 60).rounded(.up)))
        return """
            The \(baselines.count) baseline runs were recorded within \(minutes) minute(s) of each other: their spread shows \
            little of the drift between runs made at different times, so a same-build candidate can fail. Build the set \
            over time (`loadgen tag RUN NAME --add` after each good deploy), or compare both builds in one session with \
            `loadgen ab`.
            """
    }

    /// Refuses unlike runs (exit 2 names what differs) unless allowed; returns notes on what could not be checked.
    private static func checkLoad(baselines: [RunRecord], candidates: [RunRecord], allowDifferent: Bool) throws -> [String] {
        var notes: [String] = []
        for candidate in candidates {
            if let differences = LoadFingerprintCheck.differences(baselines: baselines + candidates, candidate: candidate) {
                guard allowDifferent else { throw GateError.differentLoad(differences) }
                notes.append("Judged although the runs applied different load (--allow-different):\n\(differences)")
                break
            }
        }
        let unchecked = LoadFingerprintCheck.unchecked(baselines + candidates)
        if !unchecked.isEmpty {
            notes.append(
                "Run(s) \(unchecked.map(String.init).joined(separator: ", ")) were stored before load fingerprints; their load was not checked."
            )
        }
        return notes
    }

    /// The phases every run has, in the last run's order, and those only some have.
    private static func phases(
        of snapshots: [RunSnapshot], seconds: [[String: [SecondSample]]], path: String
    ) throws -> (common: [String], unmatched: [String]) {
        let order = snapshots.last!.phases.map(\.name)
        let all = snapshots.flatMap { $0.phases.map(\.name) }
        let common = order.filter { phase in
            snapshots.allSatisfy { $0.phases.contains { $0.name == phase } } && seconds.allSatisfy { $0[phase] != nil }
        }
        guard !common.isEmpty else {
            throw GateError.noCommonPhase(
                baseline: snapshots.first!.run.id ?? 0, candidate: snapshots.last!.run.id ?? 0, path: path)
        }
        var unmatched: [String] = []
        for phase in order + all where !common.contains(phase) && !unmatched.contains(phase) { unmatched.append(phase) }
        return (common, unmatched)
    }

    /// Seconds by phase. A second with completed responses but no histogram means an older store: refuse the run.
    static func samplesByPhase(_ snapshot: RunSnapshot, path: String) throws -> [String: [SecondSample]] {
        var result: [String: [SecondSample]] = [:]
        for second in snapshot.seconds {
            var successes = LatencyHistogram.make()
            if let data = second.latencyHistogram {
                successes = try HistogramCodec.decode(data)
            } else if second.completed > 0 {
                throw GateError.noHistograms(runID: snapshot.run.id ?? 0, path: path)
            }
            // Judged as SLAs judge latency: the second's failed requests beyond every success.
            let judged = JudgedLatency.histogram(successes: successes, failures: second.outcomes.errors)
            let attempts = try second.attemptsHistogram.map(HistogramCodec.decode)
            result[second.phase, default: []].append(
                SecondSample(
                    second: second.second, outcomes: second.outcomes, latencies: SecondSample.Bucket.of(judged),
                    attemptLatencies: attempts.map(SecondSample.Bucket.of) ?? [])
            )
        }
        return result
    }
}

extension GateReport.RunReference {
    init(_ run: RunRecord) {
        self.init(id: run.id ?? 0, name: run.name, startedAt: run.startedAt)
    }
}
