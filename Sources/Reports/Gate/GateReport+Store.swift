import Histogram
import Foundation

extension GateReport {
    /// Gates `candidateRunID` against `baselineRunID`, both read from `store`, phase by phase in the candidate's order.
    public init(store: ResultsStore, baselineRunID: Int64, candidateRunID: Int64, settings: GateSettings = GateSettings()) throws {
        guard baselineRunID != candidateRunID else { throw GateError.sameRun(baselineRunID) }
        let base = try RunSnapshot.load(store: store, runID: baselineRunID)
        let cand = try RunSnapshot.load(store: store, runID: candidateRunID)
        let baseSeconds = try Self.samplesByPhase(base, path: store.path)
        let candSeconds = try Self.samplesByPhase(cand, path: store.path)
        let candidatePhases = cand.phases.map(\.name)
        let basePhases = base.phases.map(\.name)
        let common = candidatePhases.filter { baseSeconds[$0] != nil && candSeconds[$0] != nil && basePhases.contains($0) }
        guard !common.isEmpty else {
            throw GateError.noCommonPhase(baseline: baselineRunID, candidate: candidateRunID, path: store.path)
        }
        let unmatched = (candidatePhases + basePhases.filter { !candidatePhases.contains($0) }).filter { !common.contains($0) }
        let results = common.flatMap { phase in
            RegressionStatistics.judge(phase: phase, baseline: baseSeconds[phase] ?? [], candidate: candSeconds[phase] ?? [], settings: settings)
        }
        self.init(
            baseline: RunReference(base.run), candidate: RunReference(cand.run), settings: settings, results: results,
            unmatchedPhases: unmatched)
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
                SecondSample(latencies: buckets(judged), outcomes: second.outcomes, attemptLatencies: attempts.map(buckets) ?? []))
        }
        return result
    }

    private static func buckets(_ histogram: Histogram<UInt64>) -> [SecondSample.Bucket] {
        histogram.recordedValues().map { SecondSample.Bucket(valueUs: $0.value, count: $0.count) }
    }
}

extension GateReport.RunReference {
    init(_ run: RunRecord) {
        self.init(id: run.id ?? 0, name: run.name, startedAt: run.startedAt)
    }
}
