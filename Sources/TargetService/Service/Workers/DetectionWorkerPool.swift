import NIOPosix
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs CPU-heavy work on dedicated threads, never on NIO's event loops, so health checks and metrics stay fast
/// while every core detects. Admits at most `workers + queueDepth` jobs: the rest are refused at once,
/// which bounds both latency (a queued job waits for at most `queueDepth / workers` jobs) and memory.
///
/// The queue absorbs a burst, but under sustained overload it only adds waiting: the workers are busy either way,
/// and every admitted job waits behind the whole queue. So while the overload is sustained, the pool admits only
/// `workers + overloadQueueDepth`; jobs already queued stay. Sustained means either of:
/// - refusals: at least `queueDepth` of them, and never fewer than 2, within `overloadMemory` (`SustainedRefusals`);
/// - fullness: the pool was full for over half of the recent `overloadMemory` (`RecentFullness`). Held 503s keep
///   a few closed-loop clients past capacity from refusing often, but not from keeping the queue full.
/// While the overload is sustained, a job may also wait only if a worker should be free for it within half an
/// average job (`PoolOccupancy.expectedWait`): the short queue keeps a job ready for the next free worker, and a job
/// that would sit behind a worker that has just begun is refused instead, so no admitted job waits a whole job.
/// A shed or two near capacity, or a burst that fills the queue for a moment, leaves the queue as it is.
public final class DetectionWorkerPool: Service {
    public let workers: Int
    public let queueDepth: Int
    /// The queue's length while the pool is refusing work (at most `queueDepth`).
    public let overloadQueueDepth: Int
    /// The window in which `queueDepth` refusals make the overload sustained (and the queue shorter).
    public let overloadMemory: Duration
    private let threads: NIOThreadPool
    private let occupancy = Mutex(PoolOccupancy())
    private let refusals: Mutex<SustainedRefusals>
    private let fullness: Mutex<RecentFullness>
    /// How long a job takes on a worker, smoothed (exponentially weighted, 1/8 per job); nil before the first.
    private let averageJob = Mutex<Duration?>(nil)
    private let cpuTime = Mutex<Duration>(.zero)

    /// Starts `workers` threads at once; they stop when the pool's service shuts down (or `shutdown()`).
    /// `overloadQueueDepth` defaults to `queueDepth` (the queue never shrinks).
    public init(workers: Int, queueDepth: Int, overloadQueueDepth: Int? = nil, overloadMemory: Duration = .seconds(1)) {
        precondition(workers >= 1 && queueDepth >= 0, "a pool needs at least one worker and a non-negative queue")
        self.workers = workers
        self.queueDepth = queueDepth
        self.overloadQueueDepth = min(max(0, overloadQueueDepth ?? queueDepth), queueDepth)
        self.overloadMemory = overloadMemory
        refusals = Mutex(SustainedRefusals(threshold: max(2, queueDepth), window: overloadMemory))
        fullness = Mutex(RecentFullness(window: overloadMemory))
        self.threads = NIOThreadPool(numberOfThreads: workers)
        threads.start()
    }

    /// CPU time the worker threads have spent running jobs so far.
    public var workerCPUTime: Duration {
        cpuTime.withLock { $0 }
    }

    /// How many jobs run and wait right now.
    public var currentLoad: WorkerPoolLoad {
        occupancy.withLock { $0.load }
    }

    /// How long a job submitted now would wait before a worker finished it: the admitted jobs ahead of it, spread over
    /// the workers, times the recent average job time (`RetryAfter` turns it into the header a shed request gets).
    public var estimatedWait: Duration {
        let admitted = occupancy.withLock { $0.load.admitted }
        let average = averageJob.withLock { $0 } ?? .zero
        return average * (Double(admitted + 1) / Double(workers))
    }

    /// Whether a job submitted now would be admitted. Only a hint (another request may take the last slot first),
    /// but it lets a caller shed before doing work of its own, such as reading a request body.
    public var hasCapacity: Bool {
        let now = ContinuousClock.now
        let rule = admission(at: now)
        let available = occupancy.withLock { rule.admits($0, at: now) }
        if !available { noteRefusal() }
        return available
    }

    /// The admission rule in force: the full queue, or while the overload is sustained the short one, in which a job
    /// may wait only if a worker should be free for it within half an average job.
    private struct Admission {
        var capacity: Int
        var workers: Int
        /// Set while the overload is sustained and a job time is known: a job may then wait at most half of it.
        var overloadedJobTime: Duration?

        func admits(_ occupancy: PoolOccupancy, at now: ContinuousClock.Instant) -> Bool {
            guard occupancy.load.admitted < capacity else { return false }
            guard let job = overloadedJobTime else { return true }
            return occupancy.expectedWait(workers: workers, averageJob: job, at: now) <= job / 2
        }
    }

    private func admission(at now: ContinuousClock.Instant) -> Admission {
        let normal = Admission(capacity: workers + queueDepth, workers: workers, overloadedJobTime: nil)
        guard overloadQueueDepth < queueDepth else { return normal }
        let sustained =
            refusals.withLock { $0.isSustained(at: now) } || fullness.withLock { $0.share(at: now) } > 0.5
        guard sustained else { return normal }
        return Admission(
            capacity: workers + overloadQueueDepth, workers: workers, overloadedJobTime: averageJob.withLock { $0 })
    }

    /// Notes whether the pool refuses jobs now (after every admission and completion).
    private func noteOccupancy() {
        guard overloadQueueDepth < queueDepth else { return }
        let now = ContinuousClock.now
        let rule = admission(at: now)
        let full = occupancy.withLock { !rule.admits($0, at: now) }
        fullness.withLock { $0.record(full: full, at: now) }
    }

    private func noteRefusal() {
        guard overloadQueueDepth < queueDepth else { return }
        let now = ContinuousClock.now
        refusals.withLock { $0.record(at: now) }
    }

    /// Runs `work` on a worker thread, or throws `.overloaded` at once when every worker is busy and the queue is full.
    /// A job whose `isAbandoned` says true when a worker reaches it is not run (`.abandoned`): its requester left.
    public func run<T: Sendable>(
        isAbandoned: @escaping @Sendable () -> Bool = { false }, _ work: @escaping @Sendable () -> T
    ) async throws(WorkerPoolError) -> T {
        let now = ContinuousClock.now
        let rule = admission(at: now)
        let admitted = occupancy.withLock { occupancy in
            guard rule.admits(occupancy, at: now) else { return false }
            occupancy.load.admitted += 1
            return true
        }
        guard admitted else {
            noteRefusal()
            throw .overloaded
        }
        noteOccupancy()
        defer {
            occupancy.withLock { $0.load.admitted -= 1 }
            noteOccupancy()
        }
        let outcome: Result<T, WorkerPoolError>
        do {
            outcome = try await threads.runIfActive { () -> Result<T, WorkerPoolError> in
                if isAbandoned() { return .failure(.abandoned) }
                let started = ContinuousClock.now
                self.occupancy.withLock { $0.started(at: started) }
                defer { self.occupancy.withLock { $0.finished(startedAt: started) } }
                let cpuStarted = Self.threadCPUTime()
                let result = work()
                self.record(ContinuousClock.now - started, cpu: Self.threadCPUTime() - cpuStarted)
                return .success(result)
            }
        } catch {
            throw .stopped
        }
        return try outcome.get()
    }

    /// The calling thread's CPU time.
    private static func threadCPUTime() -> Duration {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
    }

    private func record(_ duration: Duration, cpu: Duration) {
        averageJob.withLock { average in
            average = average.map { $0 * 0.875 + duration * 0.125 } ?? duration
        }
        cpuTime.withLock { $0 += cpu }
    }

    /// Waits for graceful shutdown, then lets queued jobs finish and stops the threads. The HTTP server is shut
    /// down before this (it comes later in the service group), so no request is still waiting for a worker.
    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }

    /// Stops the threads after the jobs already submitted.
    public func shutdown() async {
        try? await threads.shutdownGracefully()
    }
}

/// A snapshot of a worker pool's occupancy.
public struct WorkerPoolLoad: Sendable, Hashable {
    /// Jobs admitted and not yet finished: running plus queued.
    public var admitted = 0
    /// Jobs a worker thread is executing.
    public var running = 0
    /// Jobs waiting for a worker.
    public var queued: Int { max(0, admitted - running) }
}

/// Why a worker pool did not run a job.
public enum WorkerPoolError: Error, Sendable {
    /// Every worker is busy and the queue is full; the caller should shed the request.
    case overloaded
    /// The pool has shut down.
    case stopped
    /// The job's requester left before a worker reached it; the job was not run.
    case abandoned
}
