import Foundation

/// How numbers and times read in reports: latencies in ms, rates per second, ratios as percentages, times in UTC.
enum ReportFormat {
    /// µs → ms with precision that suits the magnitude: `0.412`, `12.3`, `1234`.
    static func ms(_ microseconds: Int64) -> String {
        ms(Double(microseconds))
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

    /// `code: count` pairs, most frequent first; `—` when there are none.
    static func codes(_ counts: [String: Int]) -> String {
        let nonZero = counts.filter { $0.value > 0 }
        guard !nonZero.isEmpty else { return "—" }
        return nonZero.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }
}
