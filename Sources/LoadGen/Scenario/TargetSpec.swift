/// What the load is aimed at: replicas of the bundled service that loadgen starts, or an existing URL.
public enum TargetSpec: Sendable, Equatable {
    case bundled(BundledTarget)
    case url(String)
}

/// Settings for `target: { bundled: ... }`: loadgen starts and stops these `targetservice` replicas itself.
public struct BundledTarget: Sendable, Equatable {
    public var replicas: Int
    /// Model name from the service's catalog (`face`, `eye`, ...).
    public var model: String?
    public var workers: Int?
    public var queueDepth: Int?
    public var readyTimeout: Duration
    /// `backup_every`: each replica backs its data directory up this often (`serve --backup-every`) into a
    /// directory that outlives it, which the `restore` action restores from. Nil: no scheduled backups.
    public var backupEvery: Duration?

    public init(
        replicas: Int = 1, model: String? = nil, workers: Int? = nil, queueDepth: Int? = nil,
        readyTimeout: Duration = .seconds(30),
        backupEvery: Duration? = nil
    ) {
        self.replicas = replicas
        self.model = model
        self.workers = workers
        self.queueDepth = queueDepth
        self.readyTimeout = readyTimeout
        self.backupEvery = backupEvery
    }
}
