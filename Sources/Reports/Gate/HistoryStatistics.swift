import Foundation

/// The gate against a baseline history: K ≥ 2 stored runs of the baseline build show how far runs of one build
/// drift apart on this machine, and the candidate fails a metric only when it lies beyond both the margin and that
/// drift (docs/results.md, "Between-run noise").
///
/// Per metric, each run gives one value (latency on a log scale, rates as they are). With K baseline runs and one
/// candidate run, the baselines' mean and standard deviation s give a prediction interval for one more run of the
/// same build: mean ± t(K−1) · s · √(1 + 1/K). A candidate outside it on the worse side, and worse than the margin,
/// regressed. Within-run sampling noise needs no separate term: it is part of how each run's value scatters.
///
/// With m candidate runs their mean is judged, and the band is that of a difference of means (`differenceVariance`):
/// one run cannot be told from noise better than one run's scatter allows; m runs can, as far as their noise is
/// the kind that averages out. With m = 1 this is the prediction interval above.
public enum HistoryStatistics {
    public static func judge(
        phase: String, baselines: [[SecondSample]], candidate: [SecondSample], settings: GateSettings = GateSettings()
    ) -> [GateMetricResult] {
        judge(phase: phase, baselines: baselines, candidates: [candidate], settings: settings)
    }

    /// Judges the mean of `candidates` (one or more runs of the candidate build) against the baselines' spread.
    public static func judge(
        phase: String, baselines: [[SecondSample]], candidates: [[SecondSample]], settings: GateSettings = GateSettings()
    ) -> [GateMetricResult] {
        let baseValues = baselines.map { PhaseValues($0, settings: settings) }
        let candValues = candidates.map { PhaseValues($0, settings: settings) }
        let baselineSeconds = baselines.reduce(0) { $0 + $1.count }
        let candidateSeconds = candidates.reduce(0) { $0 + $1.count }
        let allValues = baseValues + candValues
        let judgedPercentiles = GateSettings.percentiles.filter { metric in
            allValues.allSatisfy { $0.isMeasured(metric) }
        }.count
        return GateFamily.metrics.compactMap { metric in
            let known = baseValues.compactMap { $0.values[metric] }
            let candidateKnown = candValues.compactMap { $0.values[metric] }
            guard known.count == baseValues.count, !known.isEmpty, candidateKnown.count == candValues.count,
                !candidateKnown.isEmpty
            else { return nil }
            let (mean, baseDeviation) = GateFamily.meanAndDeviation(known.map { GateFamily.scale($0, metric) })
            let (candidateMean, candidateDeviation) = GateFamily.meanAndDeviation(
                candidateKnown.map { GateFamily.scale($0, metric) })
            let runs = Double(known.count)
            let candidateRuns = Double(candidateKnown.count)
            let (variance, degreesOfFreedom) = differenceVariance(
                baselines: (runs, baseDeviation * baseDeviation),
                candidates: (candidateRuns, candidateDeviation * candidateDeviation))
            // No minimum of seconds here, unlike the bootstrap: each run is one value and the runs' spread is the
            // noise, so only each percentile's responses beyond it (`PhaseValues`) limit what can be judged.
            let measured = degreesOfFreedom >= 1 && allValues.allSatisfy { $0.isMeasured(metric) }
            let band =
                measured
                ? GateFamily.criticalT(
                    metric, judgedPercentiles: judgedPercentiles, degreesOfFreedom: degreesOfFreedom, settings: settings)
                    * variance.squareRoot()
                : 0
            let center = metric.isLatency ? exp(mean) : mean
            // One candidate run is judged by its own value; several by their mean on the metric's scale.
            let c = candidateKnown.count == 1 ? candidateKnown[0] : metric.isLatency ? exp(candidateMean) : candidateMean
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
                high: high, limit: limit, verdict: verdict, baselineSeconds: baselineSeconds, candidateSeconds: candidateSeconds)
        }
    }

    /// The variance of (candidates' mean − baselines' mean) for a same-build candidate, and its degrees of freedom.
    ///
    /// If every run were independent, this is the two-sample t test's: the pooled s²(1/K + 1/m), with K + m − 2
    /// degrees of freedom. But a run's value scatters both by noise inside its sitting (σw², which m runs averaged
    /// together shrink) and by the sitting itself (σs², the machine's drift over minutes, which candidate runs made
    /// back to back share). A history built over successive deploys spreads by both (s_b² ≈ σs² + σw²), the
    /// candidate runs by σw² alone (s_c²), so the difference's variance is (σs² + σw²)(1 + 1/K) − σw²(1 − 1/m),
    /// estimated as s_b²(1 + 1/K) − s_c²(1 − 1/m). The larger of the two estimates is used: the pooled one when no
    /// sitting drift shows, the other when the history spreads further than the candidates do. With m = 1 both are
    /// s_b²(1 + 1/K), the prediction interval for one run.
    static func differenceVariance(
        baselines: (runs: Double, variance: Double), candidates: (runs: Double, variance: Double)
    ) -> (variance: Double, degreesOfFreedom: Double) {
        let (k, m) = (baselines.runs, candidates.runs)
        let degreesOfFreedom = k + m - 2
        guard degreesOfFreedom > 0 else { return (0, 0) }
        let pooled = ((k - 1) * baselines.variance + (m - 1) * candidates.variance) / degreesOfFreedom * (1 / k + 1 / m)
        let withSittings = baselines.variance * (1 + 1 / k) - candidates.variance * (1 - 1 / m)
        return (max(pooled, withSittings), degreesOfFreedom)
    }
}
