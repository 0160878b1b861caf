import Foundation

/// A fault's parameters as the scenario wrote them (`fault: { latency: { latency: 200, jitter: 50 } }` gives
/// `latency` → `200`, `jitter` → `50`), with typed readers whose errors name the key path.
public struct FaultParameters: Sendable, Equatable {
    /// Scalar values as written, keyed by parameter name.
    public var values: [String: String]
    /// Where these came from, e.g. `chaos[2].fault.latency`, for error messages.
    public var location: String

    public init(_ values: [String: String], location: String) {
        self.values = values
        self.location = location
    }

    /// An integer parameter; `default` when absent, an error when absent without a default or not a whole number.
    public func integer(_ key: String, default fallback: Int? = nil, range: ClosedRange<Int>? = nil) throws(FaultError) -> Int {
        guard let text = values[key] else {
            if let fallback { return fallback }
            throw FaultError(.invalidParameter, "\(location): missing '\(key)'; add e.g. '\(key): 100'")
        }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw FaultError(.invalidParameter, "\(location).\(key): '\(text)' is not a whole number")
        }
        if let range, !range.contains(value) {
            throw FaultError(
                .invalidParameter, "\(location).\(key): \(value) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// A number parameter (e.g. `toxicity: 0.5`).
    public func number(
        _ key: String, default fallback: Double? = nil, range: ClosedRange<Double>? = nil
    ) throws(FaultError) -> Double {
        guard let text = values[key] else {
            if let fallback { return fallback }
            throw FaultError(.invalidParameter, "\(location): missing '\(key)'")
        }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw FaultError(.invalidParameter, "\(location).\(key): '\(text)' is not a number")
        }
        if let range, !range.contains(value) {
            throw FaultError(
                .invalidParameter, "\(location).\(key): \(text) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// A text parameter, optionally one of `allowed`.
    public func text(_ key: String, default fallback: String? = nil, allowed: [String]? = nil) throws(FaultError) -> String {
        guard let value = values[key] ?? fallback else {
            throw FaultError(.invalidParameter, "\(location): missing '\(key)'")
        }
        if let allowed, !allowed.contains(value) {
            throw FaultError(.invalidParameter, "\(location).\(key): '\(value)' is not one of \(allowed.joined(separator: ", "))")
        }
        return value
    }

    /// Rejects keys the fault does not know, suggesting the known ones (a typo must not silently mean "default").
    public func rejectUnknown(allowing known: Set<String>) throws(FaultError) {
        for key in values.keys.sorted() where !known.contains(key) {
            throw FaultError(
                .invalidParameter,
                "\(location): unknown parameter '\(key)'; expected one of \(known.sorted().joined(separator: ", "))")
        }
    }
}
