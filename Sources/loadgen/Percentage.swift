import ArgumentParser

/// A percentage option such as `--max-regression 10%` (the `%` may be left out: `10` is 10 %).
struct Percentage: ExpressibleByArgument, Sendable {
    /// As a ratio: 10 % is 0.1.
    let ratio: Double
    let text: String

    init?(argument: String) {
        let trimmed = argument.hasSuffix("%") ? String(argument.dropLast()) : argument
        guard let value = Double(trimmed), value.isFinite, value >= 0, value <= 1000 else { return nil }
        ratio = value / 100
        text = argument
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
