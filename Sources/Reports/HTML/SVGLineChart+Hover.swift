/// Values under the pointer without a script: one transparent column per x value whose `<title>` (the browser's
/// tooltip) lists every series at that point.
extension SVGLineChart {
    func hoverLayer() -> String {
        guard let first = series.first, !first.points.isEmpty else { return "" }
        var svg = "<g class=\"hover\">"
        var previous = 0.0
        for point in first.points {
            // A column covers the stretch since the previous point: a second's figures are plotted at its end.
            let start = max(0, min(previous, point.x))
            let x0 = px(start), x1 = px(point.x)
            previous = point.x
            guard x1 > x0 else { continue }
            let values = series.map { line in
                let y = line.points.first { $0.x == point.x }?.y
                return "\(line.name) \(y.map(ChartAxis.label) ?? "—")"
            }
            let tooltip =
                "\(ChartAxis.label(start))–\(ChartAxis.label(point.x))s: " + values.joined(separator: ", ") + " \(yUnit)"
            svg +=
                "<rect x=\"\(Self.f(x0))\" y=\"\(Self.f(plot.y))\" width=\"\(Self.f(x1 - x0))\" height=\"\(Self.f(plot.height))\">"
            svg += "<title>\(HTMLEscaping.escape(tooltip))</title></rect>"
        }
        return svg + "</g>\n"
    }
}
