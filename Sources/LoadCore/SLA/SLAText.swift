import Foundation

/// How SLA limits and observations are written: as a scenario would write a limit, trimmed of needless zeros.
public enum SLAText {
    /// `500ms`, `1s`, `1.5s`, `0.25ms`.
    public static func duration(_ duration: Duration) -> String {
        let milliseconds = Double(duration.nanoseconds) / 1_000_000
        if milliseconds >= 1000, milliseconds.truncatingRemainder(dividingBy: 100) == 0 {
            return decimal(milliseconds / 1000, places: 1) + "s"
        }
        return decimal(milliseconds, places: 3) + "ms"
    }

    /// A fraction as a percentage: 0.01 → `1%`, 0.0052 → `0.52%`.
    public static func percent(_ fraction: Double) -> String {
        decimal(fraction * 100, places: 2) + "%"
    }

    /// At most `places` decimals, trailing zeros dropped.
    public static func decimal(_ value: Double, places: Int) -> String {
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
