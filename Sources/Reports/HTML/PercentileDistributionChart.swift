import Histogram

/// One phase's latency by percentile on the nines axis, corrected solid and uncorrected dashed, the way
/// HdrHistogram's plotter draws it: the tail, where SLAs break, is as wide as the median.
enum PercentileDistributionChart {
    /// A chart of the two histograms; the last point of each line is its maximum.
    static func make(title: String, corrected: Histogram<UInt64>, uncorrected: Histogram<UInt64>) -> SVGLineChart {
        let count = max(corrected.totalCount, uncorrected.totalCount)
        let axis = NinesAxis.axisNines(forCount: count)
        return SVGLineChart(
            title: title, yUnit: "ms",
            series: [
                SVGLineChart.Series(name: "corrected", color: "#e15759", points: points(corrected)),
                SVGLineChart.Series(name: "uncorrected", color: "#4e79a7", points: points(uncorrected), dashed: true),
            ],
            xMaxOverride: Double(axis),
            xTicksOverride: (0...axis).map { SVGLineChart.Tick(value: Double($0), label: NinesAxis.label(nines: $0)) },
            hoverColumns: false,
            height: 280
        )
    }

    /// (nines, ms) samples; the last one is the maximum, at the nines the count can resolve.
    static func points(_ histogram: Histogram<UInt64>) -> [SVGLineChart.Point] {
        guard histogram.totalCount > 0 else { return [] }
        let samples = NinesAxis.sampleNines(forCount: histogram.totalCount)
        return samples.enumerated().map { index, nines in
            let value =
                index == samples.count - 1 ? histogram.max : histogram.valueAtPercentile(NinesAxis.percentile(nines: nines))
            return SVGLineChart.Point(x: nines, y: Double(value) / 1000)
        }
    }

    /// A phase's histograms: its `*` row (every request merged by the recorder) when stored, else its rows added up.
    static func phaseHistograms(
        _ rows: [RequestStatsRecord]
    ) throws -> (corrected: Histogram<UInt64>, uncorrected: Histogram<UInt64>)? {
        let chosen = rows.filter { $0.request == "*" }.prefix(1)
        let merged = chosen.isEmpty ? rows[...] : chosen
        guard let first = merged.first else { return nil }
        var corrected = try first.decodedCorrectedHistogram()
        var uncorrected = try first.decodedUncorrectedHistogram()
        for row in merged.dropFirst() {
            merge(try row.decodedCorrectedHistogram(), into: &corrected)
            merge(try row.decodedUncorrectedHistogram(), into: &uncorrected)
        }
        return (corrected, uncorrected)
    }

    /// `Histogram.add` traps on different bucket layouts; rows written by other versions are replayed instead.
    static func merge(_ other: Histogram<UInt64>, into histogram: inout Histogram<UInt64>) {
        if other.numberOfSignificantValueDigits == histogram.numberOfSignificantValueDigits,
            other.lowestDiscernibleValue == histogram.lowestDiscernibleValue,
            other.totalCount == 0 || other.max <= histogram.highestTrackableValue
        {
            histogram.add(other)
            return
        }
        for bucket in other.recordedValues() {
            histogram.record(min(bucket.value, histogram.highestTrackableValue), count: bucket.count)
        }
    }
}
