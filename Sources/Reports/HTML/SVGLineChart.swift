import Foundation

/// A plain line chart as inline SVG: a few series over seconds, with labelled bands (phases) behind them.
/// Pure string output, so reports open offline and the drawing can be tested without a browser.
struct SVGLineChart {
    /// One line of the chart.
    struct Series {
        var name: String
        /// A CSS colour.
        var color: String
        var points: [Point]
    }

    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    /// A labelled span of the x axis, drawn as a shaded band with a line and label at its start.
    struct Band {
        var start: Double
        var end: Double
        var label: String
    }

    var title: String
    var yUnit: String
    var series: [Series]
    var bands: [Band] = []
    var width = 900.0
    var height = 280.0

    private static let margin = (top: 34.0, right: 16.0, bottom: 34.0, left: 64.0)

    func render() -> String {
        let xMax = max(1, (series.flatMap { $0.points.map(\.x) } + bands.map(\.end)).max() ?? 1)
        let yMax = ChartAxis.niceCeiling(series.flatMap { $0.points.map(\.y) }.max() ?? 0)
        let margin = Self.margin
        let plot = (x: margin.left, y: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom)
        func px(_ x: Double) -> Double { plot.x + x / xMax * plot.width }
        func py(_ y: Double) -> Double { plot.y + plot.height - y / yMax * plot.height }

        var svg = """
            <svg class="chart" viewBox="0 0 \(f(width)) \(f(height))" \
            role="img" aria-label="\(HTMLEscaping.escape(title))">
            <text x="\(f(plot.x))" y="16" class="chart-title">\(HTMLEscaping.escape(title))</text>

            """
        for (index, band) in bands.enumerated() {
            let x0 = px(band.start), x1 = px(min(band.end, xMax))
            if index % 2 == 1 {
                svg += "<rect x=\"\(f(x0))\" y=\"\(f(plot.y))\" width=\"\(f(max(0, x1 - x0)))\" height=\"\(f(plot.height))\" class=\"band\"/>\n"
            }
            svg += "<line x1=\"\(f(x0))\" y1=\"\(f(plot.y))\" x2=\"\(f(x0))\" y2=\"\(f(plot.y + plot.height))\" class=\"boundary\"/>\n"
            svg += "<text x=\"\(f(x0 + 3))\" y=\"\(f(plot.y + 11))\" class=\"band-label\">\(HTMLEscaping.escape(band.label))</text>\n"
        }
        for tick in ChartAxis.ticks(upTo: yMax) {
            svg += "<line x1=\"\(f(plot.x))\" y1=\"\(f(py(tick)))\" x2=\"\(f(plot.x + plot.width))\" y2=\"\(f(py(tick)))\" class=\"grid\"/>\n"
            svg += "<text x=\"\(f(plot.x - 6))\" y=\"\(f(py(tick) + 4))\" class=\"y-tick\">\(ChartAxis.label(tick))</text>\n"
        }
        for tick in stride(from: 0, through: xMax, by: ChartAxis.niceCeiling(xMax / 6)) {
            svg += "<text x=\"\(f(px(tick)))\" y=\"\(f(plot.y + plot.height + 16))\" class=\"x-tick\">\(ChartAxis.label(tick))s</text>\n"
        }
        svg += "<text x=\"12\" y=\"\(f(plot.y + plot.height / 2))\" class=\"y-unit\" transform=\"rotate(-90 12 \(f(plot.y + plot.height / 2)))\">\(HTMLEscaping.escape(yUnit))</text>\n"
        for line in series where !line.points.isEmpty {
            let points = line.points.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(HTMLEscaping.escape(line.color))\" stroke-width=\"1.5\"/>\n"
        }
        var legendX = plot.x + plot.width
        for line in series.reversed() {
            legendX -= Double(line.name.count) * 7 + 26
            svg += "<rect x=\"\(f(legendX))\" y=\"8\" width=\"12\" height=\"3\" fill=\"\(HTMLEscaping.escape(line.color))\"/>"
            svg += "<text x=\"\(f(legendX + 16))\" y=\"14\" class=\"legend\">\(HTMLEscaping.escape(line.name))</text>\n"
        }
        svg += "<rect x=\"\(f(plot.x))\" y=\"\(f(plot.y))\" width=\"\(f(plot.width))\" height=\"\(f(plot.height))\" class=\"frame\"/>\n"
        return svg + "</svg>"
    }

    /// Coordinates with one decimal: enough for a screen, short enough to keep the file small.
    private func f(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
