import Foundation

/// How the segments of a split run tell each other that one of them aborted (`abort_on_fail`, the chaos abort
/// condition): a small file in the directory they share for their results, so no server is needed. The file is named
/// after the scenario and the shared `--start-at`, and one older than the run is ignored, so an earlier run's abort is
/// never read as this one's.
struct SegmentAbortSignal: Sendable {
    let file: URL
    let segment: ExecutionSegment
    /// Markers written before this belong to an earlier run.
    let notBefore: Date

    init(directory: URL, scenario: String, startAt: Date?, segment: ExecutionSegment, startedAt: Date) {
        let key = startAt.map { "\(Int64(($0.timeIntervalSince1970 * 1000).rounded()))" } ?? "unscheduled"
        file = directory.appendingPathComponent(".\(scenario)-\(key).abort")
        self.segment = segment
        notBefore = (startAt ?? startedAt).addingTimeInterval(-10)
    }

    /// Tells the other segments; the first abort written stays (later ones would only repeat it).
    func announce(_ reason: String) {
        guard !FileManager.default.fileExists(atPath: file.path) else { return }
        try? Data("segment \(segment) aborted: \(reason)".utf8).write(to: file, options: .atomic)
    }

    /// Why another segment of this run aborted, if one did.
    func peerAbort() -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
            let written = attributes[.modificationDate] as? Date, written >= notBefore,
            let text = try? String(contentsOf: file, encoding: .utf8),
            !text.hasPrefix("segment \(segment) ")
        else { return nil }
        return text
    }
}
