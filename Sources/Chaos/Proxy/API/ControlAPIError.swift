/// An error of the control API in Toxiproxy's shape (`{"error": "...", "status": 404}`), with its HTTP status.
public struct ControlAPIError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var error: String
    public var status: Int

    public init(_ status: Int, _ message: String) {
        error = message
        self.status = status
    }

    public var description: String { error }

    static func proxyNotFound(_ name: String) -> ControlAPIError {
        ControlAPIError(404, "proxy not found: no proxy named '\(name)'; GET /proxies lists them")
    }

    static func toxicNotFound(_ name: String, proxy: String) -> ControlAPIError {
        ControlAPIError(
            404, "toxic not found: proxy '\(proxy)' has no toxic named '\(name)'; GET /proxies/\(proxy)/toxics lists them")
    }

    static func badBody(_ detail: String) -> ControlAPIError {
        ControlAPIError(400, "bad request body: \(detail)")
    }

    static func missingField(_ field: String) -> ControlAPIError {
        ControlAPIError(400, "missing required field: \(field)")
    }

    /// A fault error from the proxy: bad input is the caller's (400), anything else is ours (500).
    init(_ fault: FaultError) {
        self.init(fault.kind == .invalidParameter ? 400 : 500, fault.message)
    }
}
