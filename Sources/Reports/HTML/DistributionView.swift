/// One latency-by-percentile chart per phase that has stored histograms, in phase order.
enum DistributionView {
    static func charts(_ snapshot: RunSnapshot) throws -> [ChartView] {
        var names = snapshot.phases.map(\.name)
        for stats in snapshot.requestStats where !names.contains(stats.phase) { names.append(stats.phase) }
        return try names.compactMap { phase in
            let rows = snapshot.requestStats.filter { $0.phase == phase }
            guard let histograms = try PercentileDistributionChart.phaseHistograms(rows),
                histograms.corrected.totalCount > 0 || histograms.uncorrected.totalCount > 0
            else { return nil }
            let chart = PercentileDistributionChart.make(
                title: "Latency by percentile — \(phase)", corrected: histograms.corrected, uncorrected: histograms.uncorrected
            )
            return ChartView(chart)
        }
    }
}
