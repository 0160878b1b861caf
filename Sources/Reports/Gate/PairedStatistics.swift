import Foundation

/// The gate of an interleaved A/B session (`loadgen ab`): N rounds, each a baseline slice and a candidate slice run
/// back to back (A B, then B A, ...), so drift of the machine hits both sides of a round alike and cancels in the
/// round's difference (docs/results.md, "Interleaved A/B").
///
/// Per metric, each round gives one difference d (log ratio for latency, candidate − baseline for rates). Their mean
/// and the t interval mean ± t(N−1) · s / √N say how large the change is and how sure: a metric regressed when the
/// mean change is worse than the margin and the whole interval lies on the worse side of no change.
public enum PairedStatistics {
    /// One round: the seconds of the phase in the baseline slice and in the candidate slice.
    public typealias Round = (baseline: [SecondSample], candidate: [SecondSample])

    public static func judge(phase: String, rounds: [Round], settings: GateSettings = GateSettings()) -> [GateMetricResult] {
        let values = rounds.map { (PhaseValues($0.baseline, settings: settings), PhaseValues($0.candidate, settings: settings)) }
        let baselineSeconds = rounds.reduce(0) { $0 + $1.baseline.count }
        let candidateSeconds = rounds.reduce(0) { $0 + $1.candidate.count }
        let judgedPercentiles = GateSettings.percentiles.filter { metric in
            values.allSatisfy { $0.0.isMeasured(metric) && $0.1.isMeasured(metric) }
        }.count
        return GateFamily.metrics.compactMap { metric in
            let known = values.compactMap { pair -> (Double, Double, Bool)? in
                guard let b = pair.0.values[metric], let c = pair.1.values[metric] else { return nil }
                return (b, c, pair.0.isMeasured(metric) && pair.1.isMeasured(metric))
            }
            guard !known.isEmpty else { return nil }
            let differences = known.map { GateFamily.scale($0.1, metric) - GateFamily.scale($0.0, metric) }
            let (mean, deviation) = GateFamily.meanAndDeviation(differences)
            let n = Double(known.count)
            let measured = known.count >= 2 && known.count == rounds.count && known.allSatisfy(\.2)
            let halfWidth =
                measured
                ? GateFamily.criticalT(metric, judgedPercentiles: judgedPercentiles, degreesOfFreedom: n - 1, settings: settings)
                    * deviation / n.squareRoot()
                : 0
            let baseline = center(known.map(\.0), metric)
            let candidate = center(known.map(\.1), metric)
            let limit = GateFamily.limit(metric, baseline: baseline, settings: settings)
            let change: Double
            let (low, high): (Double, Double)
            var verdict = GateVerdict.insufficientData
            if metric.isLatency {
                (change, low, high) = (exp(mean), exp(mean - halfWidth), exp(mean + halfWidth))
                if measured {
                    verdict = change > limit && low > 1 ? .regressed : change < 1 / limit && high < 1 ? .improved : .pass
                }
            } else {
                (change, low, high) = (mean, mean - halfWidth, mean + halfWidth)
                if measured {
                    // The whole interval on the worse side of zero: for a check rate that is below it.
                    let worse = metric == .checkRate ? high < 0 : low > 0
                    let better = metric == .checkRate ? low > 0 : high < 0
                    verdict =
                        GateFamily.isWorse(change, than: limit, metric) && worse
                        ? .regressed
                        : GateFamily.isWorse(-change, than: limit, metric) && better ? .improved : .pass
                }
            }
            return GateMetricResult(
                phase: phase, request: "*", metric: metric, baseline: baseline, candidate: candidate, change: change,
                low: low, high: high, limit: limit, verdict: verdict, baselineSeconds: baselineSeconds,
                candidateSeconds: candidateSeconds)
        }
    }

    /// What a side's rounds amount to: the geometric mean for latency, the mean for rates.
    private static func center(_ values: [Double], _ metric: ComparedMetric) -> Double {
        let mean = GateFamily.meanAndDeviation(values.map { GateFamily.scale($0, metric) }).mean
        return metric.isLatency ? exp(mean) : mean
    }
}
