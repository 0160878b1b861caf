/// Everything the `report` template reads, built from a run snapshot. Strings here are plain text (the template
/// escapes them) except the `svg` of charts, which the chart code built and escaped itself.
struct ReportPage {
    var title: String
    var header: HeaderView
    var sla: SLAView
    var requests: RequestsView
    var timeline: [ChartView]
    var distributions: [ChartView]
    var hasDistributions: Bool
    var errors: ErrorsView
    var events: EventsView
    /// Zero or one: Mustache shows the section only when there is a baseline.
    var comparison: [ComparisonView]
    /// Zero or one: the generators of a merged run (`loadgen merge`).
    var segments: [SegmentsView]

    init(snapshot: RunSnapshot, tags: [String], comparison: RunComparison?) throws {
        title = "\(snapshot.run.name) — run \(snapshot.run.id ?? 0)"
        header = HeaderView(snapshot: snapshot, tags: tags)
        sla = SLAView(snapshot.sla)
        requests = RequestsView(snapshot)
        timeline = TimelineCharts.make(snapshot).map(ChartView.init)
        distributions = try DistributionView.charts(snapshot)
        hasDistributions = !distributions.isEmpty
        errors = ErrorsView(snapshot.errors)
        events = EventsView(snapshot.events)
        self.comparison = comparison.map { [ComparisonView($0)] } ?? []
        segments = SegmentsView.of(snapshot.events)
    }
}

/// One rendered chart for a template: its SVG is trusted markup (`{{{svg}}}`).
struct ChartView {
    var title: String
    var svg: String

    init(_ chart: SVGLineChart) {
        title = chart.title
        svg = chart.render()
    }
}
