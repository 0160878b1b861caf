import Foundation

/// The run's timeline of events of any kind (phases, faults, model swaps, replica kills, backups, aborts).
struct EventsView {
    /// One stored event.
    struct Row {
        var at: String
        var kind: String
        var color: String
        var name: String
        var detail: String
        var duration: String
        var outcome: String
    }

    var rows: [Row]
    var hasRows: Bool

    init(_ events: [EventRecord]) {
        rows = events.map { event in
            Row(
                at: String(format: "%.1fs", Double(event.atMs) / 1000), kind: event.kind,
                color: EventMarker.color(forKind: event.kind), name: event.name,
                detail: event.detail.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "),
                duration: event.durationMs.map { "\($0)ms" } ?? "—", outcome: event.outcome ?? "—"
            )
        }
        hasRows = !rows.isEmpty
    }
}
