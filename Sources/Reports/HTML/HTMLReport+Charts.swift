extension HTMLReport {
    /// Throughput and latency per second, with each phase drawn as a labelled band.
    static func chartsSection(_ snapshot: RunSnapshot) -> String {
        let perSecond = SecondTotals.byRunSecond(snapshot.seconds)
        let bands = snapshot.phases.map { phase in
            SVGLineChart.Band(
                start: Double(phase.startedAtMs) / 1000,
                end: Double(phase.endedAtMs ?? Int64((perSecond.last?.second ?? 0) + 1) * 1000) / 1000,
                label: phase.name
            )
        }
        func series(_ name: String, _ color: String, _ value: (SecondTotals) -> Double) -> SVGLineChart.Series {
            // A second's figures cover [s, s+1): plot them at its end, so a phase's first second sits inside it.
            SVGLineChart.Series(name: name, color: color, points: perSecond.map { SVGLineChart.Point(x: Double($0.second + 1), y: value($0)) })
        }
        let throughput = SVGLineChart(
            title: "Throughput per second", yUnit: "requests/s",
            series: [
                series("sent", "#4e79a7", { Double($0.sent) }),
                series("completed", "#59a14f", { Double($0.completed) }),
                series("errors", "#e15759", { Double($0.errors) }),
            ],
            bands: bands
        )
        let latency = SVGLineChart(
            title: "Latency per second (corrected)", yUnit: "ms",
            series: [
                series("p50", "#59a14f", { Double($0.p50Us) / 1000 }),
                series("p90", "#f28e2b", { Double($0.p90Us) / 1000 }),
                series("p99", "#e15759", { Double($0.p99Us) / 1000 }),
                series("max", "#76b7b2", { Double($0.maxUs) / 1000 }),
            ],
            bands: bands
        )
        return """
            <section>
            <h2>Over time</h2>
            \(throughput.render())
            \(latency.render())
            </section>
            """
    }
}
