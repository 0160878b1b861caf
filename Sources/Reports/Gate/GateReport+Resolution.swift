import Foundation

extension GateReport {
    /// A gate cannot see a regression smaller than its noise. Against a history only a latency change past the
    /// same-build range can fail; in an interleaved session only a mean change past the interval's half-width. When
    /// that smallest failing change is more than twice the margin, a pass means "nothing beyond +X %", not "nothing",
    /// and the note says so per metric, with what narrows it.
    static func resolutionNote(_ results: [GateMetricResult], method: Method, settings: GateSettings) -> String? {
        let blind = results.compactMap { result -> String? in
            guard result.metric.isLatency, result.verdict != .insufficientData,
                let smallest = smallestFailingChange(result, method: method),
                smallest > 1 + 2 * settings.margin
            else { return nil }
            return "\(result.phase) \(result.metric.rawValue) +\(percent(smallest - 1, digits: 0))"
        }
        guard !blind.isEmpty else { return nil }
        let remedy =
            method == .history
            ? "More runs of the candidate narrow it as far as their noise averages out (tag them and gate with --candidate NAME --candidate-runs M), more runs in the set narrow it (--baseline-runs), longer runs narrow it (less sampling noise per run), and `loadgen ab` removes the drift between runs instead of estimating it."
            : "More rounds narrow it (--rounds), and so do longer slices (--duration-scale) for the percentiles above p50."
        return """
            Smallest latency regression that can fail, given the noise measured: \(blind.joined(separator: ", ")) \
            (margin \(percent(settings.margin, digits: 0))). A smaller slowdown of these passes unseen. \(remedy)
            """
    }

    /// The smallest latency ratio that fails `result`: past the margin and past the noise band around no change.
    static func smallestFailingChange(_ result: GateMetricResult, method: Method) -> Double? {
        switch method {
        // The history's range is centred on no change: its upper end is the band.
        case .history: max(result.limit, result.high)
        // The interval is centred on the mean change: it clears no change once the mean passes its half-width.
        case .interleaved: result.low > 0 ? max(result.limit, (result.high / result.low).squareRoot()) : nil
        case .bootstrap: nil
        }
    }
}
