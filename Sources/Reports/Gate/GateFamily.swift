import Foundation

/// What the history and interleaved gates share: the metrics they judge, each metric's one-sided false-alarm
/// share, and how a metric's values turn into the scale its changes are measured on.
enum GateFamily {
    /// Every metric the gate judges, in table order.
    static let metrics: [ComparedMetric] =
        GateSettings.percentiles + GateSettings.allAttemptsPercentiles + [.errorRate, .checkRate]

    /// One-sided false-alarm share of `metric`: half the interval's complement, split (Bonferroni) among the
    /// latency percentiles judged together — those with enough data in every run (`judgedPercentiles`), since a
    /// percentile shown as `insufficient data` cannot raise a false alarm.
    private static func alpha(_ metric: ComparedMetric, judgedPercentiles: Int, settings: GateSettings) -> Double {
        let family = GateSettings.percentiles.contains(metric) ? max(1, judgedPercentiles) : 1
        return (1 - settings.confidence) / 2 / Double(family)
    }

    /// Student's t at `metric`'s one-sided false-alarm share: how many standard errors a same-build value can lie
    /// from the mean by chance, with `degreesOfFreedom` from a handful of runs or rounds.
    static func criticalT(
        _ metric: ComparedMetric, judgedPercentiles: Int, degreesOfFreedom: Double, settings: GateSettings
    ) -> Double {
        StudentT.quantile(
            1 - alpha(metric, judgedPercentiles: judgedPercentiles, settings: settings), degreesOfFreedom: degreesOfFreedom)
    }

    /// Latency is compared as log ratios (a slowdown is multiplicative); rates as differences.
    static func scale(_ value: Double, _ metric: ComparedMetric) -> Double {
        metric.isLatency ? log(max(value, 1)) : value
    }

    /// The change past which a metric may fail, in its own terms: a ratio for latency; for a rate an absolute
    /// difference, relative to the baseline but never below the floor (0 → 0.1 % is one error, not a regression).
    static func limit(_ metric: ComparedMetric, baseline: Double, settings: GateSettings) -> Double {
        switch metric {
        case .errorRate: max(settings.margin * baseline, settings.errorRateFloor)
        case .checkRate: max(settings.margin * (1 - baseline), settings.errorRateFloor)
        default: 1 + settings.margin
        }
    }

    /// Sample mean and standard deviation (n − 1).
    static func meanAndDeviation(_ values: [Double]) -> (mean: Double, deviation: Double) {
        let mean = values.reduce(0, +) / Double(max(1, values.count))
        guard values.count > 1 else { return (mean, 0) }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, variance.squareRoot())
    }

    /// Whether a change is worse by more than `limit`, in the metric's direction (a check-rate drop is worse).
    static func isWorse(_ change: Double, than limit: Double, _ metric: ComparedMetric) -> Bool {
        switch metric {
        case .errorRate: change > limit
        case .checkRate: -change > limit
        default: change > limit
        }
    }
}
