import Foundation
import Testing
@testable import Reports

/// The four charts over time, built from a snapshot's seconds, phases and events.
@Suite struct SVGTimelineChartsTests {
    private func snapshot(users: Int, events: [EventRecord]) -> RunSnapshot {
        var seconds = SampleRun.seconds
        for index in seconds.indices {
            seconds[index].users = users
            seconds[index].dropped = 1
        }
        var run = RunRecord(start: SampleRun.start())
        run.id = 1
        return RunSnapshot(
            run: run, phases: SampleRun.phases, seconds: seconds, requestStats: [], sla: [], errors: [], events: events)
    }

    @Test func closedModelsChartVirtualUsersBesideConnections() {
        let charts = TimelineCharts.make(snapshot(users: 8, events: []))
        #expect(
            charts.map(\.title) == [
                "Throughput per second", "Latency per second", "Error rate per second", "Open connections and virtual users",
            ])
        #expect(charts[3].series.map(\.name) == ["connections", "virtual users"])
        #expect(charts[3].series[1].points.map(\.y) == [8, 8, 8])
        #expect(TimelineCharts.make(snapshot(users: 0, events: []))[3].title == "Open connections")
    }

    @Test func errorRateIsAPercentageOfAttemptedAndSecondsArePlottedAtTheirEnd() {
        let errorRate = TimelineCharts.make(snapshot(users: 0, events: []))[2].series[0]
        // 1 error of 5 sent + 1 dropped, then of 10 + 1.
        #expect(errorRate.points.map(\.x) == [1, 2, 3])
        #expect(errorRate.points.map { ($0.y * 100).rounded() / 100 } == [16.67, 9.09, 9.09])
        let latency = TimelineCharts.make(snapshot(users: 0, events: []))[1]
        #expect(latency.series.filter(\.dashed).map(\.name) == ["p99 uncorrected"])
        #expect(latency.series.last?.points.first?.y == 7)
    }

    @Test func everyChartCarriesThePhasesAndEveryEventButPhaseStarts() {
        let events = [
            EventRecord(atMs: 1000, kind: "phase", name: "steady"),
            EventRecord(atMs: 1500, kind: "chaos", name: "fault injected", durationMs: 500),
            EventRecord(atMs: 2500, kind: "dns", name: "resolver swapped"),
        ]
        for chart in TimelineCharts.make(snapshot(users: 0, events: events)) {
            #expect(chart.bands.map(\.label) == ["warmup", "steady"])
            #expect(chart.markers.map(\.label) == ["fault injected", "resolver swapped"])
            #expect(chart.markers[0].end == 2)
        }
    }

    @Test func durationsReadAsSecondsMinutesOrHours() {
        #expect(ReportFormat.duration(3) == "3.0s")
        #expect(ReportFormat.duration(185) == "3m 05s")
        #expect(ReportFormat.duration(3723) == "1h 02m 03s")
    }
}
