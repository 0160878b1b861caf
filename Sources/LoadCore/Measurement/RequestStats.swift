import Histogram

/// Everything measured for one phase × request name (or merged over several): counts and two HDR histograms.
public struct RequestStats: Sendable {
    /// Requests written to a connection.
    public var sent: Int = 0
    /// Requests that got a complete response (any status).
    public var completed: Int = 0
    /// Errors by code, including `dropped`; `check_failed` is kept here too but is not an error.
    public var errors: [ErrorCode: Int] = [:]
    /// Responses that passed / failed their checks (only responses with an accepted status are checked).
    public var checksPassed: Int = 0
    public var checksFailed: Int = 0
    /// Requests sent a second time because the server closed an idle connection before receiving them
    /// (`RaceWithIdleClose`); each is still one request in `sent`.
    public var retried: Int = 0
    /// Latency in µs of the successful responses (accepted status) from their intended send time
    /// (coordinated-omission corrected). A bare SLA percentile judges these with every failure counted as slower
    /// (`JudgedLatency`).
    public var corrected: Histogram<UInt64> = RequestStats.makeHistogram()
    /// Latency in µs of the same responses from their actual send time.
    public var uncorrected: Histogram<UInt64> = RequestStats.makeHistogram()
    /// Every request that was due, from its intended send time to when its outcome was known: responses of every
    /// status, transport failures and timeouts at their elapsed time, dropped requests at the top of the range.
    public var attempts: Histogram<UInt64> = RequestStats.makeHistogram()
    /// Latency by outcome, from the intended send time: responses with an error status, and requests that ended
    /// without a response (transport failures and timeouts; drops have no latency of their own).
    public var errorStatusLatency: Histogram<UInt64> = RequestStats.makeHistogram()
    public var noResponseLatency: Histogram<UInt64> = RequestStats.makeHistogram()
    /// Latencies above the histograms' 1 h range, recorded at its top rather than lost.
    public var clampedLatencies: Int = 0

    public init() {}

    /// 1 µs to 1 h at 3 significant digits, as wrk2 keeps them.
    public static func makeHistogram() -> Histogram<UInt64> { LatencyHistogram.make() }

    /// What a bare SLA percentile judges: the successes with every failed request counted beyond them.
    public var judgedLatency: Histogram<UInt64> { JudgedLatency.histogram(successes: corrected, failures: errorCount) }
    public var judgedUncorrectedLatency: Histogram<UInt64> {
        JudgedLatency.histogram(successes: uncorrected, failures: errorCount)
    }

    public var dropped: Int { errors[.dropped, default: 0] }
    /// Responses with an accepted status that passed every check.
    public var succeeded: Int {
        completed - errors[.http4xx, default: 0] - errors[.http5xx, default: 0] - errors[.checkFailed, default: 0]
    }
    /// How these requests ended: the one definition of attempts, errors and the error rate.
    public var outcomes: OutcomeCounts { OutcomeCounts(sent: sent, completed: completed, errorsByCode: errors) }
    /// Transport and status errors, dropped included, check failures excluded.
    public var errorCount: Int { outcomes.errors }
    /// Requests that were due: sent or dropped.
    public var attempted: Int { outcomes.attempts }
    /// `OutcomeCounts.errorRate`.
    public var errorRate: Double { outcomes.errorRate }
    /// Whether any response's content was checked (headers, JSON, boxes); a status-only request checks nothing.
    public var anythingChecked: Bool { checksPassed + checksFailed > 0 }
    /// Passed over checked responses (1 when nothing was checked: see `anythingChecked`).
    public var checkRate: Double {
        let checked = checksPassed + checksFailed
        return checked == 0 ? 1 : Double(checksPassed) / Double(checked)
    }

    public mutating func merge(_ other: RequestStats) {
        sent += other.sent
        completed += other.completed
        errors.merge(other.errors, uniquingKeysWith: +)
        checksPassed += other.checksPassed
        checksFailed += other.checksFailed
        retried += other.retried
        corrected.add(other.corrected)
        uncorrected.add(other.uncorrected)
        attempts.add(other.attempts)
        errorStatusLatency.add(other.errorStatusLatency)
        noResponseLatency.add(other.noResponseLatency)
        clampedLatencies += other.clampedLatencies
    }
}
