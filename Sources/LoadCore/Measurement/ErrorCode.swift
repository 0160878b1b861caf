/// The fixed error taxonomy: bounded, so it is safe to group by in SQLite and reports. Details go beside it.
public enum ErrorCode: String, Sendable, Hashable, CaseIterable, Codable {
    case connectRefused = "connect_refused"
    case connectTimeout = "connect_timeout"
    case reset
    case timeout
    case tls
    case http4xx = "http_4xx"
    case http5xx = "http_5xx"
    case checkFailed = "check_failed"
    case dropped

    /// Check failures are counted apart from transport and status errors.
    public var isError: Bool { self != .checkFailed }

    /// The request ended without a response: it failed in transport, timed out, or was never sent (`dropped`).
    /// Status errors and check failures came with a complete response.
    public var endsWithoutResponse: Bool {
        switch self {
        case .connectRefused, .connectTimeout, .reset, .timeout, .tls, .dropped: true
        case .http4xx, .http5xx, .checkFailed: false
        }
    }
}
