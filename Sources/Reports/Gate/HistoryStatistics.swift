import Foundation

/// The gate against a baseline history: K ≥ 2 stored runs of the baseline build show how far runs of one build
/// drift apart on this machine, and the candidate fails a metric only when it lies beyond both the margin and that
/// drift (docs/results.md, "Between-run noise").
///
/// Per metric, each baseline run gives one value (latency on a log scale, rates as they are). Their mean and
/// standard deviation s give a prediction interval for one more run of the same build: mean ± t(K−1) · s ·
/// √(1 + 1/K). A candidate outside it on the worse side, and worse than the margin, regressed. Within-run sampling
/// noise needs no separate term: it is part of how each baseline run's value scatters.
public enum HistoryStatistics {
    public static func judge(
        phase: String, baselines: [[SecondSample]], candidate: [SecondSample], settings: GateSettings = GateSettings()
    ) -> [GateMetricResult] {
        let baseValues = baselines.map { PhaseValues($0, settings: settings) }
        let candValues = PhaseValues(candidate, settings: settings)
        let baselineSeconds = baselines.reduce(0) { $0 + $1.count }
        let judgedPercentiles = GateSettings.percentiles.filter { metric in
            candValues.isMeasured(metric) && baseValues.allSatisfy { $0.isMeasured(metric) }
        }.count
        return GateFamily.metrics.compactMap { metric in
            guard let c = candValues.values[metric] else { return nil }
            let known = baseValues.compactMap { $0.values[metric] }
            guard known.count == baseValues.count, !known.isEmpty else { return nil }
            let (mean, deviation) = GateFamily.meanAndDeviation(known.map { GateFamily.scale($0, metric) })
            let runs = Double(known.count)
            // No minimum of seconds here, unlike the bootstrap: each run is one value and the runs' spread is the
            // noise, so only each percentile's responses beyond it (`PhaseValues`) limit what can be judged.
            let measured = known.count >= 2 && candValues.isMeasured(metric) && baseValues.allSatisfy { $0.isMeasured(metric) }
            let band =
                measured
                ? GateFamily.criticalT(
                    metric, judgedPercentiles: judgedPercentiles, degreesOfFreedom: runs - 1, settings: settings)
                    * deviation * (1 + 1 / runs).squareRoot()
                : 0
            let center = metric.isLatency ? exp(mean) : mean
            let limit = GateFamily.limit(metric, baseline: center, settings: settings)
            let change: Double
            let (low, high): (Double, Double)
            var verdict = GateVerdict.insufficientData
            if metric.isLatency {
                change = c / center
                (low, high) = (exp(-band), exp(band))
                if measured {
                    verdict = change > max(limit, high) ? .regressed : change < min(1 / limit, low) ? .improved : .pass
                }
            } else {
                change = c - center
                (low, high) = (-band, band)
                if measured {
                    let beyond = max(limit, band)
                    verdict =
                        GateFamily.isWorse(change, than: beyond, metric)
                        ? .regressed
                        : GateFamily.isWorse(-change, than: beyond, metric) ? .improved : .pass
                }
            }
            return GateMetricResult(
                phase: phase, request: "*", metric: metric, baseline: center, candidate: c, change: change, low: low,
                high: high, limit: limit, verdict: verdict, baselineSeconds: baselineSeconds, candidateSeconds: candidate.count)
        }
    }
}
