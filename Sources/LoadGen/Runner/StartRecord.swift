import Foundation
import Reports

/// How an instance started against `--start-at`: the stored `run start` event (the merge reports the spread of
/// every instance's lateness from it) and, when it started late, the note saying what that cost.
struct StartRecord {
    var startAt: Date
    var lateness: Duration
    var segment: ExecutionSegment

    /// `2026-12-04T10:00:00.000Z`.
    static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    var event: EventRecord {
        EventRecord(
            atMs: lateness.milliseconds, kind: "run", name: "start",
            detail: ["start_at": Self.text(startAt), "late_ms": "\(lateness.milliseconds)", "segment": "\(segment)"])
    }

    var note: String? {
        guard lateness > .zero else { return nil }
        return
            "started \(lateness.milliseconds) ms after --start-at \(Self.text(startAt)): arrivals due before then are counted as dropped, not sent late"
    }
}
