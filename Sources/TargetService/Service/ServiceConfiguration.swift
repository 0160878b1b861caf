import NIOCore

/// Everything `targetservice serve` can be told, with the defaults documented in the README.
public struct ServiceConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port; the bound address is reported through `onBound`.
    public var port = 0
    /// Sets SO_REUSEPORT so several replicas can listen on one port and the kernel spreads connections.
    public var reusePort = false
    public var catalog = ModelCatalog.builtIn
    /// Detection threads; default one per core, since detection is CPU-bound.
    public var workers = System.coreCount
    /// Jobs that may wait for a worker before requests are shed with 503. Default 2 per worker: a queued
    /// request then waits at most about two detections, which keeps tail latency bounded under overload.
    public var queueDepth: Int
    public var maxBodyBytes = 8 * 1024 * 1024
    public var maxPixels = JPEGDecoder.defaultMaxPixels
    /// How long in-flight requests get to finish after SIGTERM/SIGINT before they are cut off.
    public var drainTimeout: Duration = .seconds(10)
    /// How long readiness says 503 before the listener closes (lets a load balancer stop routing here first).
    public var shutdownDelay: Duration = .zero

    public init() {
        queueDepth = 2 * workers
    }
}
