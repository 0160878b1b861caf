import Foundation

/// The x axis of HdrHistogram's percentile plots: x = log10(1 / (1 − p)), the number of nines, so 90 %, 99 %,
/// 99.9 % ... sit one step apart and the tail gets as much room as the body.
enum NinesAxis {
    /// Nines of a percentile given in 0–100: 0 → 0, 90 → 1, 99 → 2, 99.9 → 3. Infinite at 100.
    static func nines(percentile: Double) -> Double {
        guard percentile < 100 else { return .infinity }
        return log10(100 / (100 - max(0, percentile)))
    }

    /// The percentile (0–100) at `nines`: the inverse of `nines(percentile:)`.
    static func percentile(nines: Double) -> Double {
        100 * (1 - pow(10, -nines))
    }

    /// `0%`, `90%`, `99%`, `99.9%`, `99.99%` ... for whole nines.
    static func label(nines: Int) -> String {
        switch nines {
        case ...0: "0%"
        case 1: "90%"
        case 2: "99%"
        default: "99." + String(repeating: "9", count: nines - 2) + "%"
        }
    }

    /// How far the axis reaches for `count` values: whole nines past the last percentile the data can resolve
    /// (log10 of the count), at least one.
    static func axisNines(forCount count: UInt64) -> Int {
        guard count > 1 else { return 1 }
        return max(1, Int(ceil(log10(Double(count)) - 1e-9)))
    }

    /// Nines at which to sample a histogram: every `step` up to the data's resolution, log10(count).
    static func sampleNines(forCount count: UInt64, step: Double = 0.05) -> [Double] {
        let limit = count > 1 ? log10(Double(count)) : 0
        var samples = stride(from: 0, to: limit, by: step).map { $0 }
        samples.append(limit)
        return samples
    }
}
