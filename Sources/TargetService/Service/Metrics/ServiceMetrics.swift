import Prometheus
import Synchronization

/// The service's Prometheus metrics, in a registry of its own so that several servers in one process
/// (tests, replicas) never mix their numbers. Names are documented in the README's service section.
public final class ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let inFlight: Gauge
    private let queueDepth: Gauge
    private let workersBusy: Gauge
    private let shed: Counter
    private let shedHeldCount: Counter
    private let abandoned: Counter
    private let workerCPU: Counter
    /// The pool's worker CPU already added to `workerCPU` (the counter follows the pool's running total).
    private let workerCPUReported = Mutex<Duration>(.zero)

    /// Latency buckets from 5 ms (a health check) to 10 s (a queued detection on a slow machine).
    static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        inFlight = registry.makeGauge(
            descriptor: Self.name("http_requests_in_flight", unit: "", help: "HTTP requests being handled."))
        queueDepth = registry.makeGauge(
            descriptor: Self.name("detect_queue_depth", unit: "", help: "Detection jobs waiting for a worker."))
        workersBusy = registry.makeGauge(
            descriptor: Self.name("detect_workers_busy", unit: "", help: "Worker threads running a detection."))
        shed = registry.makeCounter(
            descriptor: Self.name(
                "detect_shed", unit: "total", help: "Detect requests refused with 503 because the queue was full."))
        shedHeldCount = registry.makeCounter(
            descriptor: Self.name(
                "detect_shed_held", unit: "total",
                help: "503s held before answering because their connection had just been refused (ShedPacing)."))
        abandoned = registry.makeCounter(
            descriptor: Self.name(
                "detect_abandoned", unit: "total",
                help: "Queued detections not run because their client had closed its connection."))
        workerCPU = registry.makeCounter(
            descriptor: Self.name(
                "worker_cpu", unit: "seconds_total", help: "CPU time the worker threads spent decoding and detecting."))
    }

    /// Counts one finished request and its latency. `route` is the route template (bounded), never the raw path.
    public func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(
            descriptor: Self.name("http_requests", unit: "total", help: "HTTP requests by route, method and status."),
            labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: Self.name("http_request_duration", unit: "seconds", help: "HTTP request latency by route."),
            labels: [("route", route)],
            buckets: Self.latencyBuckets
        ).record(duration)
    }

    public func requestStarted() { inFlight.increment() }
    public func requestFinished() { inFlight.decrement() }
    public func requestShed() { shed.increment() }
    public func shedHeld() { shedHeldCount.increment() }
    public func detectionAbandoned() { abandoned.increment() }

    /// Publishes the version of each served model (one series per model).
    public func recordModels(_ models: ModelSet) {
        for model in models.models.values {
            registry.makeGauge(
                descriptor: Self.name("model_version", unit: "", help: "Version of each loaded model."),
                labels: [("model", model.spec.name)]
            ).set(Double(model.spec.version))
        }
    }

    /// The Prometheus text exposition, with the pool gauges sampled now (they are levels, not events).
    public func exposition(pool: WorkerPoolLoad, workerCPUTime: Duration) -> [UInt8] {
        queueDepth.set(Double(pool.queued))
        workersBusy.set(Double(pool.running))
        let added = workerCPUReported.withLock { reported in
            defer { reported = max(reported, workerCPUTime) }
            return workerCPUTime - reported
        }
        if added > .zero { workerCPU.increment(by: added / .seconds(1)) }
        return registry.emitToBuffer()
    }

    private static func name(_ metric: String, unit: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "targetservice", metricName: metric, unitName: unit, helpText: help)
    }
}
