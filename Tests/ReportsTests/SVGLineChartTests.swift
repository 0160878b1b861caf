import Testing
@testable import Reports

@Suite struct SVGLineChartTests {
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

    @Test func pointsAreScaledIntoThePlotAndBandsLabelled() {
        let chart = SVGLineChart(
            title: "t", yUnit: "ms",
            series: [.init(name: "p99", color: "#e15759", points: [.init(x: 0, y: 0), .init(x: 10, y: 10)])],
            bands: [.init(start: 0, end: 5, label: "<warm>"), .init(start: 5, end: 10, label: "steady")],
            width: 164, height: 168
        )
        let svg = chart.render()
        // Plot area: x 64...148, y 34...134; (0,0) is bottom left and (10,10) top right.
        #expect(svg.contains("<polyline points=\"64.0,134.0 148.0,34.0\""))
        #expect(svg.contains(">&lt;warm&gt;</text>"))
        #expect(svg.contains("class=\"band\""))
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
    }
}
