import Foundation

/// A stored run event as a chart marker: where it starts and ends (seconds), a short label and a full tooltip.
/// Any event kind is shown; known kinds get fixed colours and unknown ones a stable colour from their name.
struct EventMarker: Equatable {
    var start: Double
    /// Equal to `start` for instantaneous events.
    var end: Double
    var kind: String
    var label: String
    var tooltip: String
    var color: String

    static let maxLabelLength = 24

    init(_ event: EventRecord) {
        start = Double(event.atMs) / 1000
        end = start + Double(max(0, event.durationMs ?? 0)) / 1000
        kind = event.kind
        label = event.name
        color = Self.color(forKind: event.kind)
        var parts = ["\(event.kind): \(event.name) at \(String(format: "%.1f", start))s"]
        if let duration = event.durationMs { parts.append("for \(duration)ms") }
        if let outcome = event.outcome { parts.append("outcome \(outcome)") }
        parts += event.detail.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        tooltip = parts.joined(separator: ", ")
    }

    /// The label cut to `maxLabelLength` characters, so one long name cannot cover the chart.
    var shortLabel: String {
        label.count > Self.maxLabelLength ? String(label.prefix(Self.maxLabelLength - 1)) + "…" : label
    }

    /// The distinct kinds in first-seen order, for the legend.
    static func kinds(in markers: [EventMarker]) -> [String] {
        var seen = Set<String>()
        return markers.map(\.kind).filter { seen.insert($0).inserted }
    }

    static let knownColors = [
        "phase": "#7f7f7f", "chaos": "#d62728", "model": "#9467bd", "server": "#8c564b", "backup": "#17becf",
        "abort": "#e377c2", "run": "#555555",
    ]
    static let fallbackColors = ["#bcbd22", "#1f77b4", "#ff7f0e", "#2ca02c", "#e15759", "#b07aa1"]

    /// A fixed colour per known kind; other kinds hash their name (FNV-1a, stable across processes, unlike
    /// `hashValue`) into a small palette.
    static func color(forKind kind: String) -> String {
        if let known = knownColors[kind] { return known }
        var hash: UInt32 = 2_166_136_261
        for byte in kind.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return fallbackColors[Int(hash % UInt32(fallbackColors.count))]
    }
}
