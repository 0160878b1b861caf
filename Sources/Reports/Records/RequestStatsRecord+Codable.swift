import Foundation

/// The two latency summaries are stored flat (`p99_us`, `uncorrected_p99_us`, ...) so SQL can filter and sort on them.
extension RequestStatsRecord {
    enum CodingKeys: String, CodingKey {
        case phase, request, sent, completed, errors
        case checksPassed = "checks_passed"
        case checksFailed = "checks_failed"
        case dropped
        case errorsByCode = "errors_by_code"
        case p50 = "p50_us", p90 = "p90_us", p95 = "p95_us", p99 = "p99_us", p999 = "p999_us", max = "max_us"
        case mean = "mean_us"
        case uncorrectedP50 = "uncorrected_p50_us", uncorrectedP90 = "uncorrected_p90_us"
        case uncorrectedP95 = "uncorrected_p95_us", uncorrectedP99 = "uncorrected_p99_us"
        case uncorrectedP999 = "uncorrected_p999_us", uncorrectedMax = "uncorrected_max_us"
        case uncorrectedMean = "uncorrected_mean_us"
        case correctedHistogram = "corrected_histogram"
        case uncorrectedHistogram = "uncorrected_histogram"
        case attemptsHistogram = "attempts_histogram"
        case errorStatusHistogram = "error_status_histogram"
        case noResponseHistogram = "no_response_histogram"
        case clampedLatencies = "clamped_latencies"
        case retried
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        phase = try c.decode(String.self, forKey: .phase)
        request = try c.decode(String.self, forKey: .request)
        sent = try c.decode(Int.self, forKey: .sent)
        completed = try c.decode(Int.self, forKey: .completed)
        errors = try c.decode(Int.self, forKey: .errors)
        checksPassed = try c.decode(Int.self, forKey: .checksPassed)
        checksFailed = try c.decode(Int.self, forKey: .checksFailed)
        dropped = try c.decode(Int.self, forKey: .dropped)
        errorsByCode = try c.decode([String: Int].self, forKey: .errorsByCode)
        corrected = LatencySummary(
            p50: try c.decode(Int64.self, forKey: .p50), p90: try c.decode(Int64.self, forKey: .p90),
            p95: try c.decode(Int64.self, forKey: .p95), p99: try c.decode(Int64.self, forKey: .p99),
            p999: try c.decode(Int64.self, forKey: .p999), max: try c.decode(Int64.self, forKey: .max),
            mean: try c.decode(Double.self, forKey: .mean)
        )
        uncorrected = LatencySummary(
            p50: try c.decode(Int64.self, forKey: .uncorrectedP50), p90: try c.decode(Int64.self, forKey: .uncorrectedP90),
            p95: try c.decode(Int64.self, forKey: .uncorrectedP95), p99: try c.decode(Int64.self, forKey: .uncorrectedP99),
            p999: try c.decode(Int64.self, forKey: .uncorrectedP999), max: try c.decode(Int64.self, forKey: .uncorrectedMax),
            mean: try c.decode(Double.self, forKey: .uncorrectedMean)
        )
        correctedHistogram = try c.decode(Data.self, forKey: .correctedHistogram)
        uncorrectedHistogram = try c.decode(Data.self, forKey: .uncorrectedHistogram)
        attemptsHistogram = try c.decodeIfPresent(Data.self, forKey: .attemptsHistogram)
        errorStatusHistogram = try c.decodeIfPresent(Data.self, forKey: .errorStatusHistogram)
        noResponseHistogram = try c.decodeIfPresent(Data.self, forKey: .noResponseHistogram)
        clampedLatencies = try c.decodeIfPresent(Int.self, forKey: .clampedLatencies) ?? 0
        retried = try c.decodeIfPresent(Int.self, forKey: .retried) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(phase, forKey: .phase)
        try c.encode(request, forKey: .request)
        try c.encode(sent, forKey: .sent)
        try c.encode(completed, forKey: .completed)
        try c.encode(errors, forKey: .errors)
        try c.encode(checksPassed, forKey: .checksPassed)
        try c.encode(checksFailed, forKey: .checksFailed)
        try c.encode(dropped, forKey: .dropped)
        try c.encode(errorsByCode, forKey: .errorsByCode)
        try c.encode(corrected.p50, forKey: .p50)
        try c.encode(corrected.p90, forKey: .p90)
        try c.encode(corrected.p95, forKey: .p95)
        try c.encode(corrected.p99, forKey: .p99)
        try c.encode(corrected.p999, forKey: .p999)
        try c.encode(corrected.max, forKey: .max)
        try c.encode(corrected.mean, forKey: .mean)
        try c.encode(uncorrected.p50, forKey: .uncorrectedP50)
        try c.encode(uncorrected.p90, forKey: .uncorrectedP90)
        try c.encode(uncorrected.p95, forKey: .uncorrectedP95)
        try c.encode(uncorrected.p99, forKey: .uncorrectedP99)
        try c.encode(uncorrected.p999, forKey: .uncorrectedP999)
        try c.encode(uncorrected.max, forKey: .uncorrectedMax)
        try c.encode(uncorrected.mean, forKey: .uncorrectedMean)
        try c.encode(correctedHistogram, forKey: .correctedHistogram)
        try c.encode(uncorrectedHistogram, forKey: .uncorrectedHistogram)
        try c.encode(attemptsHistogram, forKey: .attemptsHistogram)
        try c.encode(errorStatusHistogram, forKey: .errorStatusHistogram)
        try c.encode(noResponseHistogram, forKey: .noResponseHistogram)
        try c.encode(clampedLatencies, forKey: .clampedLatencies)
        try c.encode(retried, forKey: .retried)
    }
}
