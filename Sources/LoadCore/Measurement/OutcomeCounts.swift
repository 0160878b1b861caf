/// How a span of requests ended — one second, one phase × request, a whole run — and the one definition of its
/// error rate, which SLAs, the chaos abort condition, steady-state and recovery checks, the store, JSON, JUnit, the
/// report and the gate all read.
///
/// Every request ends exactly once: with a complete response (a *completion*, whatever its status) or without one
/// (a transport failure, a timeout, or a drop). Its *errors* are the error statuses (`http_4xx`, `http_5xx`: the
/// status did not match `expect.status`) and every end without a response. Check failures are not errors.
/// The error rate is errors over requests that ended: over a finished phase that is every request that was due
/// (sent + dropped); over one second it is the requests that ended in that second, so it stays within 0…100 %
/// however long responses take. An error response is one request and one error — never counted twice.
public struct OutcomeCounts: Sendable, Equatable {
    /// Requests that were due: written to a connection, or dropped because none could be had in time.
    public var attempts: Int
    /// Requests that got a complete response, any status.
    public var completions: Int
    /// Completions whose status was an error (`http_4xx`, `http_5xx`).
    public var errorStatuses: Int
    /// Requests that ended without a response: transport failures, timeouts and drops.
    public var endedWithoutResponse: Int
    /// Responses with an accepted status whose content failed a check (`check_failed`): wrong answers, not errors.
    public var checkFailures: Int

    public init(attempts: Int, completions: Int, errorStatuses: Int, endedWithoutResponse: Int, checkFailures: Int = 0) {
        self.attempts = attempts
        self.completions = completions
        self.errorStatuses = errorStatuses
        self.endedWithoutResponse = endedWithoutResponse
        self.checkFailures = checkFailures
    }

    /// Nothing ended yet: the start of a sum.
    public static let none = OutcomeCounts(attempts: 0, completions: 0, errorStatuses: 0, endedWithoutResponse: 0)

    /// From the counters every measurement keeps: requests sent, complete responses, and counts by error code
    /// (`dropped` included; `check_failed` counted apart, as wrong answers).
    public init(sent: Int, completed: Int, errorsByCode: [ErrorCode: Int]) {
        var statuses = 0
        var withoutResponse = 0
        var dropped = 0
        var checkFailures = 0
        for (code, count) in errorsByCode {
            if code == .dropped { dropped += count }
            if code == .checkFailed { checkFailures += count }
            if code.endsWithoutResponse {
                withoutResponse += count
            } else if code.isError {
                statuses += count
            }
        }
        self.init(
            attempts: sent + dropped, completions: completed, errorStatuses: statuses, endedWithoutResponse: withoutResponse,
            checkFailures: checkFailures)
    }

    /// The same from stored rows, whose codes are `ErrorCode` raw values (unknown codes are ignored).
    public init(sent: Int, completed: Int, errorsByCode: [String: Int]) {
        var codes: [ErrorCode: Int] = [:]
        for (raw, count) in errorsByCode {
            if let code = ErrorCode(rawValue: raw) { codes[code, default: 0] += count }
        }
        self.init(sent: sent, completed: completed, errorsByCode: codes)
    }

    /// Requests that ended, with or without a response.
    public var ended: Int { completions + endedWithoutResponse }
    /// Error statuses plus ends without a response.
    public var errors: Int { errorStatuses + endedWithoutResponse }
    /// Errors over requests that ended; 0 when none did.
    public var errorRate: Double { ended == 0 ? 0 : Double(errors) / Double(ended) }
    /// Responses whose status was accepted, so their content was checked.
    public var checked: Int { completions - errorStatuses }
    /// Checked responses that passed every check; 1 when none was checked.
    public var checkRate: Double { checked <= 0 ? 1 : Double(checked - checkFailures) / Double(checked) }

    public static func + (lhs: OutcomeCounts, rhs: OutcomeCounts) -> OutcomeCounts {
        OutcomeCounts(
            attempts: lhs.attempts + rhs.attempts, completions: lhs.completions + rhs.completions,
            errorStatuses: lhs.errorStatuses + rhs.errorStatuses,
            endedWithoutResponse: lhs.endedWithoutResponse + rhs.endedWithoutResponse,
            checkFailures: lhs.checkFailures + rhs.checkFailures)
    }
}
