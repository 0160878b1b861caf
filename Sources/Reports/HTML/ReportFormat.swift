import Foundation

/// How numbers and times read in reports: latencies in ms, rates per second, ratios as percentages, times in UTC.
enum ReportFormat {
    /// µs → ms with precision that suits the magnitude: `0.412`, `12.3`, `1234`.
    static func ms(_ microseconds: Int64) -> String {
        ms(Double(microseconds))
    }

    /// A latency of all attempts or of one outcome: a dash when not measured, "dropped" when the value lies at the
    /// top of the histogram's range, where dropped requests are recorded.
    static func attemptMs(_ microseconds: Int64?) -> String {
        guard let microseconds else { return "—" }
        return LatencyHistogram.isBeyondRange(Double(microseconds)) ? "dropped" : ms(microseconds)
    }

    static func ms(_ microseconds: Double) -> String {
        let milliseconds = microseconds / 1000
        switch milliseconds {
        case ..<1: return String(format: "%.3f", milliseconds)
        case ..<100: return String(format: "%.1f", milliseconds)
        default: return String(format: "%.0f", milliseconds)
        }
    }

    static func rate(_ perSecond: Double) -> String {
        perSecond < 10 ? String(format: "%.2f/s", perSecond) : String(format: "%.1f/s", perSecond)
    }

    static func percent(_ ratio: Double) -> String {
        String(format: "%.2f%%", ratio * 100)
    }

    /// `2025-01-31 14:05:09 UTC`: unambiguous wherever the report is opened.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }

    /// `45.2s`, `3m 05s`, `1h 02m 03s`.
    static func duration(_ seconds: Double) -> String {
        guard seconds >= 60 else { return String(format: "%.1fs", max(0, seconds)) }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return String(format: "%dm %02ds", whole / 60, whole % 60) }
        return String(format: "%dh %02dm %02ds", whole / 3600, whole / 60 % 60, whole % 60)
    }

    /// An SLA value in its unit, as the evaluator stores it: ms, ratio, req/s or count.
    static func slaValue(_ value: Double, unit: String) -> String {
        // A latency at the top of the range: the percentile fell among failed requests (JudgedLatency).
        if unit == "ms", LatencyHistogram.isBeyondRange(value * 1000) { return "failed requests" }
        return switch unit {
        case "ms": String(format: "%.1fms", value)
        case "ratio": percent(value)
        case "req/s", "per_second": rate(value)
        default: String(format: "%g", value)
        }
    }

    /// `code: count` pairs, most frequent first; `—` when there are none.
    static func codes(_ counts: [String: Int]) -> String {
        let nonZero = counts.filter { $0.value > 0 }
        guard !nonZero.isEmpty else { return "—" }
        return nonZero.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }
}
