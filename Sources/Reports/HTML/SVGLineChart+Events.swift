/// Run events on a chart: a shaded span for events that lasted, a line and a label where each one happened,
/// and a tooltip with every detail stored.
extension SVGLineChart {
    /// Label rows, so markers close together do not print over each other.
    static let markerLabelRows = 3

    /// Spans go behind the lines, like the phase bands.
    func markerSpanLayer() -> String {
        var svg = ""
        for marker in markers where marker.end > marker.start {
            let x0 = px(marker.start), x1 = px(marker.end)
            svg +=
                "<rect x=\"\(Self.f(x0))\" y=\"\(Self.f(plot.y))\" width=\"\(Self.f(max(0, x1 - x0)))\" height=\"\(Self.f(plot.height))\" "
                + "fill=\"\(HTMLEscaping.escape(marker.color))\" class=\"event-span\"/>\n"
        }
        return svg
    }

    /// The y of a marker's label: below the phase labels, in one of `markerLabelRows` rows.
    func markerLabelY(index: Int) -> Double {
        plot.y + 24 + Double(index % Self.markerLabelRows) * 11
    }

    /// Lines and labels go over the lines, so an event is never hidden by the data.
    func markerLineLayer() -> String {
        var svg = ""
        for (index, marker) in markers.enumerated() {
            let x = px(marker.start)
            let color = HTMLEscaping.escape(marker.color)
            svg += "<g class=\"event\"><title>\(HTMLEscaping.escape(marker.tooltip))</title>"
            svg +=
                "<line x1=\"\(Self.f(x))\" y1=\"\(Self.f(plot.y))\" x2=\"\(Self.f(x))\" y2=\"\(Self.f(plot.y + plot.height))\" stroke=\"\(color)\" class=\"event-line\"/>"
            svg +=
                "<text x=\"\(Self.f(x + 3))\" y=\"\(Self.f(markerLabelY(index: index)))\" fill=\"\(color)\" class=\"event-label\">\(HTMLEscaping.escape(marker.shortLabel))</text></g>\n"
        }
        return svg
    }
}
