import Foundation
import Histogram
import Testing
@testable import Reports

@Suite struct SVGLineChartTests {
    /// 164 × 180 leaves a plot of x 64...148 (84 wide) and y 30...114 (84 high) inside the margins.
    private func chart(bands: [SVGLineChart.Band] = [], markers: [EventMarker] = []) -> SVGLineChart {
        SVGLineChart(
            title: "t", yUnit: "ms",
            series: [
                .init(name: "p99", color: "#e15759", points: [.init(x: 0, y: 0), .init(x: 10, y: 10)]),
                .init(name: "uncorrected", color: "#4e79a7", points: [.init(x: 0, y: 0), .init(x: 10, y: 5)], dashed: true),
            ],
            bands: bands, markers: markers, width: 164, height: 180
        )
    }

    @Test func axisLimitsAreRound() {
        #expect(ChartAxis.niceCeiling(0) == 1)
        #expect(ChartAxis.niceCeiling(7) == 10)
        #expect(ChartAxis.niceCeiling(10) == 10)
        #expect(ChartAxis.niceCeiling(13) == 20)
        #expect(ChartAxis.niceCeiling(420) == 500)
        #expect(ChartAxis.ticks(upTo: 20) == [0, 5, 10, 15, 20])
        #expect(ChartAxis.label(1_200_000) == "1.2M")
        #expect(ChartAxis.label(2.5) == "2.5")
    }

    @Test func pointsAreScaledIntoThePlotAndDashedSeriesAreDashed() {
        let chart = chart()
        #expect(chart.plot == SVGLineChart.PlotArea(x: 64, y: 30, width: 84, height: 84))
        let svg = chart.render()
        // (0,0) is bottom left and (10,10) top right.
        #expect(
            svg.contains("<polyline points=\"64.0,114.0 148.0,30.0\" fill=\"none\" stroke=\"#e15759\" stroke-width=\"1.5\"/>"))
        #expect(
            svg.contains(
                "<polyline points=\"64.0,114.0 148.0,72.0\" fill=\"none\" stroke=\"#4e79a7\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
            ))
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
    }

    @Test func phaseBandsSpanTheirTimesAndAreLabelled() {
        let bands = TimelineCharts.phaseBands(
            [
                PhaseRecord(index: 0, name: "<warm>", load: "", startedAtMs: 0, endedAtMs: 2_500),
                PhaseRecord(index: 1, name: "steady", load: "", startedAtMs: 2_500),
            ], runEnd: 10)
        // A phase that never ended runs to the last recorded second.
        #expect(bands == [.init(start: 0, end: 2.5, label: "<warm>"), .init(start: 2.5, end: 10, label: "steady")])
        let svg = chart(bands: bands).render()
        // 2.5 s of 10 s is a quarter of the 84-unit plot: x = 64 + 21.
        #expect(svg.contains("<rect x=\"85.0\" y=\"30.0\" width=\"63.0\" height=\"84.0\" class=\"band\"/>"))
        #expect(svg.contains("<line x1=\"85.0\" y1=\"30.0\" x2=\"85.0\" y2=\"114.0\" class=\"boundary\"/>"))
        #expect(svg.contains("<text x=\"67.0\" y=\"41.0\" class=\"band-label\">&lt;warm&gt;</text>"))
    }

    @Test func eventsBecomeMarkersAndLastingEventsSpans() {
        let fault = EventMarker(
            EventRecord(
                atMs: 5_000, kind: "chaos", name: "fault injected", detail: ["ms": "200"], durationMs: 2_500, outcome: "reverted")
        )
        let swap = EventMarker(EventRecord(atMs: 7_500, kind: "model", name: "a model name that is far too long to print"))
        #expect(fault.start == 5 && fault.end == 7.5)
        #expect(swap.end == swap.start)
        #expect(fault.tooltip == "chaos: fault injected at 5.0s, for 2500ms, outcome reverted, ms=200")
        #expect(swap.shortLabel == "a model name that is fa…")
        let chart = chart(markers: [fault, swap])
        let svg = chart.render()
        // The fault lasted from 5 s to 7.5 s: x 106 to 127.
        #expect(
            svg.contains("<rect x=\"106.0\" y=\"30.0\" width=\"21.0\" height=\"84.0\" fill=\"#d62728\" class=\"event-span\"/>"))
        #expect(
            svg.contains("<line x1=\"127.0\" y1=\"30.0\" x2=\"127.0\" y2=\"114.0\" stroke=\"#9467bd\" class=\"event-line\"/>"))
        // Labels step down one row per marker so neighbours do not overlap.
        #expect(chart.markerLabelY(index: 0) == 54 && chart.markerLabelY(index: 1) == 65 && chart.markerLabelY(index: 3) == 54)
        #expect(svg.contains(">event: chaos</text>") && svg.contains(">event: model</text>"))
    }

    @Test func unknownEventKindsGetAStableColour() {
        let color = EventMarker.color(forKind: "dns")
        #expect(EventMarker.fallbackColors.contains(color))
        #expect(EventMarker.color(forKind: "dns") == color)
        #expect(EventMarker.color(forKind: "chaos") == "#d62728")
    }

    @Test func hoverColumnsCoverEachSecondAndListEverySeries() {
        let svg = SVGLineChart(
            title: "t", yUnit: "req/s",
            series: [
                .init(name: "sent", color: "#000", points: [.init(x: 1, y: 4), .init(x: 2, y: 6)]),
                .init(name: "errors", color: "#f00", points: [.init(x: 1, y: 0), .init(x: 2, y: 1)]),
            ],
            width: 164, height: 180
        ).render()
        // x axis 0...2: each second is 42 units wide.
        #expect(
            svg.contains(
                "<rect x=\"64.0\" y=\"30.0\" width=\"42.0\" height=\"84.0\"><title>0–1s: sent 4, errors 0 req/s</title></rect>"))
        #expect(
            svg.contains(
                "<rect x=\"106.0\" y=\"30.0\" width=\"42.0\" height=\"84.0\"><title>1–2s: sent 6, errors 1 req/s</title></rect>"))
    }

    @Test func ninesAxisMapsPercentilesToNines() {
        #expect(NinesAxis.nines(percentile: 0) == 0)
        #expect(abs(NinesAxis.nines(percentile: 90) - 1) < 1e-9)
        #expect(abs(NinesAxis.nines(percentile: 99) - 2) < 1e-9)
        #expect(abs(NinesAxis.nines(percentile: 99.9) - 3) < 1e-9)
        #expect(NinesAxis.nines(percentile: 100) == .infinity)
        #expect(abs(NinesAxis.percentile(nines: 2) - 99) < 1e-9)
        #expect(abs(NinesAxis.percentile(nines: NinesAxis.nines(percentile: 97.5)) - 97.5) < 1e-9)
        #expect((0...5).map(NinesAxis.label) == ["0%", "90%", "99%", "99.9%", "99.99%", "99.999%"])
        #expect(NinesAxis.axisNines(forCount: 1) == 1)
        #expect(NinesAxis.axisNines(forCount: 100) == 2)
        #expect(NinesAxis.axisNines(forCount: 191) == 3)
        let samples = NinesAxis.sampleNines(forCount: 100, step: 0.5)
        #expect(samples == [0, 0.5, 1, 1.5, 2])
    }

    @Test func percentileChartPlacesPercentilesOnTheNinesAxis() {
        var histogram = SampleRun.histogram(1...1000)  // 100 µs ... 100 ms, one value each
        histogram.record(500_000)  // one 500 ms outlier: the maximum
        let chart = PercentileDistributionChart.make(title: "t", corrected: histogram, uncorrected: SampleRun.histogram(1...10))
        // 1001 values resolve three nines, so the axis runs 0 ... 4 nines, 0% ... 99.99%.
        #expect(chart.xMax == 4)
        #expect(chart.xTicks.map(\.label) == ["0%", "90%", "99%", "99.9%", "99.99%"])
        let points = chart.series[0].points
        // x = 1 is p90 (about 90 ms), x = 2 is p99 (about 99 ms), and the line ends at the maximum.
        let p90 = points.first { abs($0.x - 1) < 1e-9 }!, p99 = points.first { abs($0.x - 2) < 1e-9 }!
        #expect(abs(p90.y - 90.1) < 0.2)
        #expect(abs(p99.y - 99.1) < 0.2)
        #expect(abs(points.last!.x - log10(1001)) < 1e-9)
        #expect(abs(points.last!.y - 500) < 0.5)
        #expect(chart.series[1].dashed && !chart.series[0].dashed)
        // On the plot, 2 nines of 4 is the middle: x = 64 + 0.5 × 820.
        #expect(chart.px(2) == 474)
    }

    @Test func aPhaseWithSeveralRequestsMergesTheirHistograms() throws {
        let a = SampleRun.stats(request: "a"), b = SampleRun.stats(request: "b")
        let merged = try #require(try PercentileDistributionChart.phaseHistograms([a, b]))
        #expect(merged.corrected.totalCount == 2 * (try a.decodedCorrectedHistogram()).totalCount)
        var all = SampleRun.stats(request: "*")
        all.correctedHistogram = HistogramCodec.encode(SampleRun.histogram(1...3))
        // A stored `*` row already merges every request: it is used as is.
        #expect(try PercentileDistributionChart.phaseHistograms([a, all, b])?.corrected.totalCount == 3)
    }
}

@Suite struct SVGLineChartLegendTests {
    @Test func legendEntriesWrapOntoASecondRowPastThePlotsEdge() {
        let series = (0..<6).map { SVGLineChart.Series(name: "series \($0)", color: "#000", points: [.init(x: 1, y: 1)]) }
        let chart = SVGLineChart(title: "t", yUnit: "", series: series, hoverColumns: false, width: 300, height: 180)
        let svg = chart.render()
        // Plot 64...284; entries are 8 × 6.5 + 34 = 86 wide: two fit in the first row (y 150), the third wraps (y 165).
        #expect(svg.contains("<text x=\"84.0\" y=\"150.0\">series 0</text>"))
        #expect(svg.contains("<text x=\"170.0\" y=\"150.0\">series 1</text>"))
        #expect(svg.contains("<text x=\"84.0\" y=\"165.0\">series 2</text>"))
    }
}
