import Reports

extension RequestStats {
    /// The stats a stored row holds, histograms decoded, so rows of several segments merge exactly
    /// (`RequestStats.merge`) and are judged again.
    init(_ record: RequestStatsRecord) throws {
        self.init()
        sent = record.sent
        completed = record.completed
        for (code, count) in record.errorsByCode {
            if let code = ErrorCode(rawValue: code) { errors[code, default: 0] += count }
        }
        checksPassed = record.checksPassed
        checksFailed = record.checksFailed
        retried = record.retried
        clampedLatencies = record.clampedLatencies
        corrected = try record.decodedCorrectedHistogram()
        uncorrected = try record.decodedUncorrectedHistogram()
        if let data = record.attemptsHistogram { attempts = try HistogramCodec.decode(data) }
        if let data = record.errorStatusHistogram { errorStatusLatency = try HistogramCodec.decode(data) }
        if let data = record.noResponseHistogram { noResponseLatency = try HistogramCodec.decode(data) }
    }
}
