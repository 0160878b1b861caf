/// The layers drawn behind and around the lines: phase bands, axes and grid, legend.
extension SVGLineChart {
    /// Every other phase shaded, a dashed boundary and the phase's name at each start.
    func bandLayer() -> String {
        var svg = ""
        for (index, band) in bands.enumerated() {
            let x0 = px(band.start), x1 = px(band.end)
            if index % 2 == 1 {
                svg +=
                    "<rect x=\"\(Self.f(x0))\" y=\"\(Self.f(plot.y))\" width=\"\(Self.f(max(0, x1 - x0)))\" height=\"\(Self.f(plot.height))\" class=\"band\"/>\n"
            }
            svg +=
                "<line x1=\"\(Self.f(x0))\" y1=\"\(Self.f(plot.y))\" x2=\"\(Self.f(x0))\" y2=\"\(Self.f(plot.y + plot.height))\" class=\"boundary\"/>\n"
            svg +=
                "<text x=\"\(Self.f(x0 + 3))\" y=\"\(Self.f(plot.y + 11))\" class=\"band-label\">\(HTMLEscaping.escape(band.label))</text>\n"
        }
        return svg
    }

    /// Horizontal grid with y labels, x tick labels and the y unit.
    func axesLayer() -> String {
        var svg = ""
        for tick in ChartAxis.ticks(upTo: yMax) {
            svg +=
                "<line x1=\"\(Self.f(plot.x))\" y1=\"\(Self.f(py(tick)))\" x2=\"\(Self.f(plot.x + plot.width))\" y2=\"\(Self.f(py(tick)))\" class=\"grid\"/>\n"
            svg +=
                "<text x=\"\(Self.f(plot.x - 6))\" y=\"\(Self.f(py(tick) + 4))\" class=\"y-tick\">\(ChartAxis.label(tick))</text>\n"
        }
        for tick in xTicks {
            svg +=
                "<text x=\"\(Self.f(px(tick.value)))\" y=\"\(Self.f(plot.y + plot.height + 16))\" class=\"x-tick\">\(HTMLEscaping.escape(tick.label))</text>\n"
        }
        let middle = Self.f(plot.y + plot.height / 2)
        svg +=
            "<text x=\"12\" y=\"\(middle)\" class=\"y-unit\" transform=\"rotate(-90 12 \(middle))\">\(HTMLEscaping.escape(yUnit))</text>\n"
        return svg
    }

    /// Rows under the plot: each series (dashed when dashed), the phase band, then each event kind on the chart;
    /// an entry that would run past the plot's right edge starts a new row.
    func legendLayer() -> String {
        var entries: [(label: String, swatch: (Double, Double) -> String)] = series.map { line in
            let dash = line.dashed ? " stroke-dasharray=\"4 3\"" : ""
            return (
                line.name,
                { x, y in
                    "<line x1=\"\(Self.f(x))\" y1=\"\(Self.f(y - 4))\" x2=\"\(Self.f(x + 16))\" y2=\"\(Self.f(y - 4))\" stroke=\"\(HTMLEscaping.escape(line.color))\" stroke-width=\"2\"\(dash)/>"
                }
            )
        }
        if !bands.isEmpty {
            entries.append(
                (
                    "phase",
                    { x, y in
                        "<rect x=\"\(Self.f(x))\" y=\"\(Self.f(y - 9))\" width=\"16\" height=\"10\" class=\"band legend-band\"/>"
                    }
                ))
        }
        for kind in EventMarker.kinds(in: markers) {
            let color = HTMLEscaping.escape(EventMarker.color(forKind: kind))
            entries.append(
                (
                    "event: " + kind,
                    { x, y in
                        "<line x1=\"\(Self.f(x + 8))\" y1=\"\(Self.f(y - 10))\" x2=\"\(Self.f(x + 8))\" y2=\"\(Self.f(y + 1))\" stroke=\"\(color)\" stroke-width=\"2\" stroke-dasharray=\"2 2\"/>"
                    }
                ))
        }
        var x = plot.x
        var y = plot.y + plot.height + 36
        var svg = "<g class=\"legend\">"
        for entry in entries {
            let width = Self.legendWidth(entry.label)
            if x > plot.x, x + width > plot.x + plot.width {
                x = plot.x
                y += Self.legendRowHeight
            }
            svg +=
                entry.swatch(x, y)
                + "<text x=\"\(Self.f(x + 20))\" y=\"\(Self.f(y))\">\(HTMLEscaping.escape(entry.label))</text>\n"
            x += width
        }
        return svg + "</g>\n"
    }

    static let legendRowHeight = 15.0

    /// Room a legend entry takes: the swatch, its label at about 6.5 units a character, and a gap.
    static func legendWidth(_ label: String) -> Double {
        Double(label.count) * 6.5 + 34
    }
}
