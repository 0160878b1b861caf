/// The four charts over run time — throughput, latency, error rate, connections or users — each with every phase
/// as a labelled band and every other stored event, of any kind, as a labelled marker.
enum TimelineCharts {
    static func make(_ snapshot: RunSnapshot) -> [SVGLineChart] {
        let perSecond = SecondTotals.byRunSecond(snapshot.seconds)
        let lastSecond = Double((perSecond.last?.second ?? 0) + 1)
        let bands = phaseBands(snapshot.phases, runEnd: lastSecond)
        // Phases are drawn as bands already; their start events would only repeat the band labels (the events table
        // still lists them).
        let markers = snapshot.events.filter { $0.kind != "phase" }.map(EventMarker.init)
        func series(
            _ name: String, _ color: String, dashed: Bool = false, _ value: (SecondTotals) -> Double
        ) -> SVGLineChart.Series {
            // A second's figures cover [s, s+1): plot them at its end, so a phase's first second sits inside it.
            SVGLineChart.Series(
                name: name, color: color, points: perSecond.map { SVGLineChart.Point(x: Double($0.second + 1), y: value($0)) },
                dashed: dashed
            )
        }
        func chart(_ title: String, _ unit: String, _ lines: [SVGLineChart.Series]) -> SVGLineChart {
            SVGLineChart(title: title, yUnit: unit, series: lines, bands: bands, markers: markers)
        }
        let usesUsers = perSecond.contains { $0.users > 0 }
        var load = [series("connections", "#4e79a7", { Double($0.connections) })]
        if usesUsers { load.append(series("virtual users", "#f28e2b", { Double($0.users) })) }
        return [
            chart(
                "Throughput per second", "requests/s",
                [
                    series("sent", "#4e79a7", { Double($0.sent) }),
                    series("completed", "#59a14f", { Double($0.completed) }),
                    series("errors", "#e15759", { Double($0.errors) }),
                ]),
            chart(
                "Latency per second", "ms",
                [
                    series("p50", "#59a14f", { Double($0.p50Us) / 1000 }),
                    series("p90", "#f28e2b", { Double($0.p90Us) / 1000 }),
                    series("p99", "#e15759", { Double($0.p99Us) / 1000 }),
                    series("max", "#76b7b2", { Double($0.maxUs) / 1000 }),
                    series("p99 uncorrected", "#e15759", dashed: true, { Double($0.uncorrectedP99Us) / 1000 }),
                ]),
            chart("Error rate per second", "% of attempted", [series("errors", "#e15759", { $0.errorPercent })]),
            chart(usesUsers ? "Open connections and virtual users" : "Open connections", "count", load),
        ]
    }

    /// A band per phase from its start to its end (or to the last recorded second if it never ended), in seconds.
    static func phaseBands(_ phases: [PhaseRecord], runEnd: Double) -> [SVGLineChart.Band] {
        phases.map { phase in
            let start = Double(phase.startedAtMs) / 1000
            let end = phase.endedAtMs.map { Double($0) / 1000 } ?? max(start, runEnd)
            return SVGLineChart.Band(start: start, end: end, label: phase.name)
        }
    }
}
