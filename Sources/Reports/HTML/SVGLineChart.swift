import Foundation

/// A line chart as inline SVG: a few series, phases as labelled bands and run events as labelled markers behind
/// them, a legend, and hover tooltips (`<title>`) that need no script. Pure string output, so reports open offline
/// and the drawing is tested as numbers.
struct SVGLineChart {
    /// One line of the chart.
    struct Series {
        var name: String
        /// A CSS colour.
        var color: String
        var points: [Point]
        /// Dashed lines carry the uncorrected figures, drawn beside the corrected ones.
        var dashed = false
    }

    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    /// A labelled span of the x axis (a phase), drawn as a shaded band with a line and label at its start.
    struct Band: Equatable {
        var start: Double
        var end: Double
        var label: String
    }

    /// A tick on the x axis and its label.
    struct Tick: Equatable {
        var value: Double
        var label: String
    }

    /// The plot rectangle inside the chart's margins, in SVG units.
    struct PlotArea: Equatable {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    var title: String
    var yUnit: String
    var series: [Series]
    var bands: [Band] = []
    var markers: [EventMarker] = []
    /// Overrides the seconds axis (0 to the last point, ticks every round number of seconds).
    var xMaxOverride: Double?
    var xTicksOverride: [Tick]?
    /// Adds one transparent column per x value of the first series whose tooltip lists every series there.
    var hoverColumns = true
    var width = 900.0
    var height = 320.0

    /// The bottom margin holds the x tick labels and two legend rows.
    static let margin = (top: 30.0, right: 16.0, bottom: 66.0, left: 64.0)

    var plot: PlotArea {
        let margin = Self.margin
        return PlotArea(
            x: margin.left, y: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom)
    }

    var xMax: Double {
        if let xMaxOverride { return xMaxOverride }
        let ends = series.flatMap { $0.points.map(\.x) } + bands.map(\.end) + markers.map(\.end)
        return max(1, ends.max() ?? 1)
    }

    var yMax: Double {
        ChartAxis.niceCeiling(series.flatMap { $0.points.map(\.y) }.max() ?? 0)
    }

    var xTicks: [Tick] {
        if let xTicksOverride { return xTicksOverride }
        return stride(from: 0, through: xMax, by: ChartAxis.niceCeiling(xMax / 6)).map {
            Tick(value: $0, label: ChartAxis.label($0) + "s")
        }
    }

    /// Where `x` lands horizontally; values past the axis are clamped to the plot's edges.
    func px(_ x: Double) -> Double {
        plot.x + min(max(x, 0), xMax) / xMax * plot.width
    }

    /// Where `y` lands vertically (0 at the bottom of the plot).
    func py(_ y: Double) -> Double {
        plot.y + plot.height - min(max(y, 0), yMax) / yMax * plot.height
    }

    func render() -> String {
        let plot = plot
        var svg = """
            <svg class="chart" viewBox="0 0 \(Self.f(width)) \(Self.f(height))" role="img" aria-label="\(HTMLEscaping.escape(title))">
            <text x="\(Self.f(plot.x))" y="18" class="chart-title">\(HTMLEscaping.escape(title))</text>

            """
        svg += bandLayer()
        svg += markerSpanLayer()
        svg += axesLayer()
        for line in series where !line.points.isEmpty {
            let points = line.points.map { "\(Self.f(px($0.x))),\(Self.f(py($0.y)))" }.joined(separator: " ")
            let dash = line.dashed ? " stroke-dasharray=\"6 4\"" : ""
            svg +=
                "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(HTMLEscaping.escape(line.color))\" stroke-width=\"1.5\"\(dash)/>\n"
        }
        svg +=
            "<rect x=\"\(Self.f(plot.x))\" y=\"\(Self.f(plot.y))\" width=\"\(Self.f(plot.width))\" height=\"\(Self.f(plot.height))\" class=\"frame\"/>\n"
        svg += markerLineLayer()
        if hoverColumns { svg += hoverLayer() }
        svg += legendLayer()
        return svg + "</svg>"
    }

    /// Coordinates with one decimal: enough for a screen, short enough to keep the file small, the same everywhere.
    static func f(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
