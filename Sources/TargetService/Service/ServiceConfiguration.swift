import NIOCore

/// Everything `targetservice serve` can be told, with the defaults documented in the README.
public struct ServiceConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port; the bound address is reported through `onBound`.
    public var port = 0
    /// Sets SO_REUSEPORT so several replicas can listen on one port and the kernel spreads connections.
    public var reusePort = false
    /// A second, private listener on 127.0.0.1 (0 picks a free port), serving the same routes: with several
    /// replicas sharing one port (`reusePort`), it is how a controller reaches one replica in particular, as it
    /// would a pod by its own address. Nil: none.
    public var controlPort: Int?
    public var catalog = ModelCatalog.builtIn
    /// Holds `service.sqlite` (the model registry) and `models/NAME/VERSION/cascade.xml`. Nil: the registry lives
    /// in memory and new model versions cannot be uploaded.
    public var dataDirectory: String?
    /// The bearer token of the admin API; nil disables it (it then answers 403 `admin_disabled`).
    public var adminToken: AdminToken?
    /// Periodic backups of the data directory (`serve --backup-every`); needs `dataDirectory`.
    public var backupSchedule: BackupSchedule?
    /// Feedback and detection log entries older than this are deleted (checked at start and every minute).
    public var retention: Duration = .seconds(30 * 86_400)
    /// How often the detection log buffer is written to SQLite.
    public var detectionLogFlushInterval: Duration = .seconds(1)
    /// Largest cascade XML the admin API accepts.
    public var maxCascadeBytes = 64 * 1024 * 1024
    /// Detection threads; default one per core, since detection is CPU-bound.
    public var workers = System.coreCount
    /// Jobs that may wait for a worker before requests are shed with 503. Default 2 per worker: a queued
    /// request then waits at most about two detections, which keeps tail latency bounded under overload.
    public var queueDepth: Int
    /// The queue's length while requests are being shed (see `DetectionWorkerPool`); nil: half a job per worker, at
    /// least one, never more than `queueDepth`.
    public var overloadQueueDepth: Int?
    /// How a connection's repeated sheds are held (`ShedPacing.off`: answered at once).
    public var shedPacing = ShedPacing()
    public var maxBodyBytes = 8 * 1024 * 1024
    public var maxPixels = JPEGDecoder.defaultMaxPixels
    /// How long in-flight requests get to finish after SIGTERM/SIGINT before they are cut off.
    public var drainTimeout: Duration = .seconds(10)
    /// How long readiness says 503 before the listener closes (lets a load balancer stop routing here first).
    public var shutdownDelay: Duration = .zero

    public init() {
        queueDepth = 2 * workers
    }

    /// `overloadQueueDepth` with its default filled in.
    public var effectiveOverloadQueueDepth: Int {
        min(overloadQueueDepth ?? max(1, workers / 2), queueDepth)
    }
}

/// When and where `serve` backs up its data directory, and how many backups it keeps.
public struct BackupSchedule: Sendable {
    public var directory: String
    public var interval: Duration
    public var keep: Int

    public init(directory: String, interval: Duration, keep: Int) {
        self.directory = directory
        self.interval = interval
        self.keep = keep
    }
}
