import Foundation
import ArgumentParser

/// A duration on the command line: "500ms", "10s", "2m", "1h", "30d", or a bare number of seconds.
struct DurationArgument: ExpressibleByArgument, Sendable {
    let duration: Duration

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)]
        let (number, scale) =
            units.first { text.hasSuffix($0.suffix) }.map { (String(text.dropLast($0.suffix.count)), $0.seconds) } ?? (text, 1)
        guard let value = Double(number), value >= 0, value.isFinite else { return nil }
        duration = .milliseconds(Int64((value * scale * 1000).rounded()))
    }

    init(_ duration: Duration) {
        self.duration = duration
    }

    var defaultValueDescription: String {
        let ms = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        if ms > 0, ms % 86_400_000 == 0 { return "\(ms / 86_400_000)d" }
        if ms > 0, ms % 3_600_000 == 0 { return "\(ms / 3_600_000)h" }
        return ms % 1000 == 0 ? "\(ms / 1000)s" : "\(ms)ms"
    }
}
