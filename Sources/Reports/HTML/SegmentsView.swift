/// A merged run's generators, one row per segment (from its `segment` event): what each sent and lost, its own send
/// lag and how late it started — a slow or late generator stands out here.
struct SegmentsView {
    struct Row {
        var segment: String
        var host: String
        var status: String
        var sent: String
        var errors: String
        var sendLagP99: String
        var lateMs: String
    }

    var rows: [Row]
    var generators: Int
    /// The spread of the segments' start lateness, e.g. `12 ms (3 … 15 ms late)`.
    var startSpread: String

    /// Zero or one view: Mustache shows the section only for a merged run.
    static func of(_ events: [EventRecord]) -> [SegmentsView] {
        let segments = events.filter { $0.kind == "segment" }.sorted { $0.name < $1.name }
        guard !segments.isEmpty else { return [] }
        let rows = segments.map { event in
            Row(
                segment: event.name, host: event.detail["host"] ?? "—", status: event.outcome ?? "—",
                sent: event.detail["sent"] ?? "—", errors: event.detail["errors"] ?? "—",
                sendLagP99: event.detail["send_lag_p99_ms"].map { "\($0) ms" } ?? "—",
                lateMs: event.detail["late_ms"].map { "\($0) ms" } ?? "—")
        }
        let lateness = segments.compactMap { $0.detail["late_ms"].flatMap(Int.init) }
        let spread =
            lateness.isEmpty
            ? "not measured (the segments ran without --start-at)"
            : "\(lateness.max()! - lateness.min()!) ms (\(lateness.min()!) … \(lateness.max()!) ms late)"
        return [SegmentsView(rows: rows, generators: rows.count, startSpread: spread)]
    }
}
