/// The verdict on one response: accepted and passing, rejected by status, or failing a content check.
public enum CheckOutcome: Equatable, Sendable {
    case passed
    /// The status is not one the request accepts; counted as `http_4xx`/`http_5xx` by its class.
    case statusRejected(Int)
    /// Counted as `check_failed`; the message is short and bounded, fit for grouping in reports.
    case failed(String)
}
