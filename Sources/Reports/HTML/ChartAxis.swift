import Foundation

/// Round axis limits and tick positions (1, 2, 5 × 10ⁿ), so charts read at a glance.
enum ChartAxis {
    /// The smallest 1, 2 or 5 × 10ⁿ at or above `value`; 1 for empty or non-positive data.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2, 5, 10] where step * magnitude >= value * (1 - 1e-9) {
            return step * magnitude
        }
        return 10 * magnitude
    }

    /// Evenly spaced ticks from 0 to `limit` inclusive.
    static func ticks(upTo limit: Double, count: Int = 4) -> [Double] {
        (0...count).map { limit * Double($0) / Double(count) }
    }

    /// `1500` → `1500`, `2.5` → `2.5`, `1200000` → `1.2M`.
    static func label(_ value: Double) -> String {
        switch abs(value) {
        case 1_000_000...: String(format: "%gM", (value / 100_000).rounded() / 10)
        case 100_000...: String(format: "%gk", (value / 100).rounded() / 10)
        default: String(format: "%g", (value * 100).rounded() / 100)
        }
    }
}
