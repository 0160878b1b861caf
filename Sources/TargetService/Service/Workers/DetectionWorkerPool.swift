import NIOPosix
import ServiceLifecycle
import Synchronization

/// Runs CPU-heavy work on dedicated threads, never on NIO's event loops, so health checks and metrics stay fast
/// while every core detects. Admits at most `workers + queueDepth` jobs: the rest are refused at once,
/// which bounds both latency (a queued job waits for at most `queueDepth / workers` jobs) and memory.
public final class DetectionWorkerPool: Service {
    public let workers: Int
    public let queueDepth: Int
    private let threads: NIOThreadPool
    private let load = Mutex(WorkerPoolLoad())
    /// How long a job takes on a worker, smoothed (exponentially weighted, 1/8 per job); nil before the first.
    private let averageJob = Mutex<Duration?>(nil)

    /// Starts `workers` threads at once; they stop when the pool's service shuts down (or `shutdown()`).
    public init(workers: Int, queueDepth: Int) {
        precondition(workers >= 1 && queueDepth >= 0, "a pool needs at least one worker and a non-negative queue")
        self.workers = workers
        self.queueDepth = queueDepth
        self.threads = NIOThreadPool(numberOfThreads: workers)
        threads.start()
    }

    /// How many jobs run and wait right now.
    public var currentLoad: WorkerPoolLoad {
        load.withLock { $0 }
    }

    /// How long a job submitted now would wait before a worker finished it: the admitted jobs ahead of it, spread over
    /// the workers, times the recent average job time (`RetryAfter` turns it into the header a shed request gets).
    public var estimatedWait: Duration {
        let admitted = load.withLock { $0.admitted }
        let average = averageJob.withLock { $0 } ?? .zero
        return average * (Double(admitted + 1) / Double(workers))
    }

    /// Whether a job submitted now would be admitted. Only a hint (another request may take the last slot first),
    /// but it lets a caller shed before doing work of its own, such as reading a request body.
    public var hasCapacity: Bool {
        load.withLock { $0.admitted < workers + queueDepth }
    }

    /// Runs `work` on a worker thread, or throws `.overloaded` at once when every worker is busy and the queue is full.
    public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws(WorkerPoolError) -> T {
        let capacity = workers + queueDepth
        let admitted = load.withLock { load in
            guard load.admitted < capacity else { return false }
            load.admitted += 1
            return true
        }
        guard admitted else { throw .overloaded }
        defer { load.withLock { $0.admitted -= 1 } }
        do {
            return try await threads.runIfActive {
                self.load.withLock { $0.running += 1 }
                defer { self.load.withLock { $0.running -= 1 } }
                let started = ContinuousClock.now
                let result = work()
                self.record(ContinuousClock.now - started)
                return result
            }
        } catch {
            throw .stopped
        }
    }

    private func record(_ duration: Duration) {
        averageJob.withLock { average in
            average = average.map { $0 * 0.875 + duration * 0.125 } ?? duration
        }
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
}
