import Foundation
import Histogram
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// Drives a scenario's phases against one target on `loops` event loops and measures every request.
///
/// Requests are prepared once (pre-encoded heads and bodies); each loop owns its connections and recorder, and the
/// runner collects per-second buckets and per-phase statistics from the loops while the run goes on.
public final class LoadEngine: Sendable {
    public let phaseNames: [String]
    public let requestNames: [String]
    private let group: MultiThreadedEventLoopGroup
    private let workers: [LoopWorker]
    private let startDelay: Duration
    private let phaseDurations: [Duration]
    private let tls: ClientTLS?
    private let dataFeeds: DataFeeds
    private let remote: SocketAddress
    private let connectTimeout: Duration
    private let started = NIOLockedValueBox<(timeline: EngineTimeline, done: [EventLoopFuture<Void>])?>(nil)

    /// Prepares everything that can fail (payloads, goldens, address resolution, TLS) before any request is sent.
    /// Nothing is scheduled yet: the first phase starts `startDelay` after `start()`.
    /// `segment` is this instance's part of a scenario split across several generators: its share of every open
    /// phase's arrivals, of the users and of `max_connections`.
    /// `verifiedHost`: the name a TLS certificate must carry when `baseURL` is not the target's own address (the fault
    /// proxy on 127.0.0.1 in front of it); `target.tls.server_name` still wins. `environment` is read for
    /// `SSL_CERT_FILE` / `SSL_CERT_DIR`.
    public init(
        scenario: Scenario, baseURL: String, loops: Int = 1, startDelay: Duration = .milliseconds(20),
        segment: ExecutionSegment = .whole, verifiedHost: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        guard let address = TargetAddress(url: baseURL) else {
            throw EngineError("target URL '\(baseURL)' is not an http:// or https:// URL with a host")
        }
        let baseDirectory =
            scenario.sourceFile?.deletingLastPathComponent() ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let feeds = try DataFeeds(scenario.data, baseDirectory: baseDirectory)
        dataFeeds = feeds
        var prepared: [PreparedRequest] = []
        for spec in scenario.requests {
            let payloads = try PayloadSet.load(spec.body, baseDirectory: baseDirectory)
            var goldens: GoldenDetections?
            if let detections = spec.expect.detections {
                let url = URL(fileURLWithPath: detections.goldenFile, relativeTo: baseDirectory)
                do {
                    goldens = try GoldenDetections.load(from: url)
                } catch {
                    throw EngineError("cannot load golden detections \(url.path) for request '\(spec.name)': \(error)")
                }
            }
            let checker = ResponseChecker(expect: spec.expect, goldens: goldens)
            prepared.append(
                PreparedRequest(spec: spec, payloads: payloads, address: address, checker: checker, feeds: feeds))
        }
        let remote: SocketAddress
        do {
            remote = try SocketAddress.makeAddressResolvingHost(address.host, port: address.port)
        } catch {
            throw EngineError("cannot resolve target host '\(address.host)': \(error)")
        }
        var tls: ClientTLS?
        if address.useTLS {
            tls = try ClientTLS(
                settings: scenario.tls, host: verifiedHost ?? address.host, environment: environment, baseDirectory: baseDirectory
            )
        }
        self.tls = tls
        self.remote = remote
        connectTimeout = scenario.options.connectTimeout
        let loopCount = max(1, loops)
        group = MultiThreadedEventLoopGroup(numberOfThreads: loopCount)
        self.startDelay = startDelay
        phaseDurations = scenario.phases.map(\.duration)
        phaseNames = scenario.phases.map(\.name)
        requestNames = scenario.requests.map(\.name)
        let warm = segment.share(of: Self.warmConnections(for: scenario))
        var options = scenario.options
        options.maxConnections = max(1, segment.share(of: options.maxConnections))
        var workers: [LoopWorker] = []
        for (index, loop) in group.makeIterator().enumerated() {
            var configuration = LoopWorker.Configuration(
                loopIndex: index, loopCount: loopCount, phases: scenario.phases, requests: prepared,
                weights: scenario.requests.map(\.weight), options: options, remote: remote, tls: tls)
            configuration.segment = segment
            configuration.dataFeeds = feeds
            configuration.warmConnections = (warm + loopCount - 1) / loopCount
            workers.append(LoopWorker(loop: loop, configuration: configuration))
        }
        self.workers = workers
    }

    /// For an https:// target: one handshake before the run. nil when it succeeds, else why it fails — every request
    /// would then fail with `tls`, and its error samples carry this reason (see `TLSDiagnosis`).
    public func checkTLS() async -> String? {
        guard let tls else { return nil }
        return await TLSDiagnosis.run(tls: tls, remote: remote, group: group, timeout: connectTimeout)
    }

    /// Why the load must stop: a unique data feed ran out (nil while every feed has rows).
    public var dataExhausted: String? { dataFeeds.exhausted }

    /// Whether certificates go unverified (`insecure_skip_verify`), which every run must say.
    public var skipsTLSVerification: Bool { tls.map { !$0.verifies } ?? false }

    /// Connections worth opening before an open-model run starts: two per 1,000 requests/s of the highest rate any
    /// phase reaches (loopback round trips are well under a millisecond), at least one, at most max_connections.
    static func warmConnections(for scenario: Scenario) -> Int {
        let peak = scenario.phases.map(\.load.peakRate).max() ?? 0
        guard peak > 0 else { return 0 }
        return min(scenario.options.maxConnections, max(1, Int((peak / 1000).rounded(.up)) * 2))
    }

    /// Fixes the run's timeline — the first phase starts `startDelay` from now, time for the warm connections to
    /// connect, or at the wall-clock instant `startAt` (`--start-at`, so several generators start together) — and
    /// starts every loop. When `startAt` has passed, the schedule still counts from it: the arrivals already due are
    /// dropped, the rest go out on time. Call it once everything else is ready; later calls return the same timeline.
    @discardableResult
    public func start(at startAt: Date? = nil) -> EngineTimeline {
        started.withLockedValue { state in
            if let state { return state.timeline }
            let now = NIODeadline.now().uptimeNanoseconds
            var runStart = now + UInt64(startDelay.nanoseconds)
            if let startAt {
                let offset = Int64((startAt.timeIntervalSinceNow * 1e9).rounded())
                runStart = offset >= 0 ? now + UInt64(offset) : now - min(now, UInt64(-offset))
            }
            let timeline = EngineTimeline(runStart: runStart, phaseDurations: phaseDurations, startedAt: now)
            state = (timeline, workers.map { $0.start(timeline) })
            return timeline
        }
    }

    /// Starts the run if `start()` was not called, and returns when the last phase has ended and in-flight requests
    /// have settled.
    public func run() async throws {
        start()
        let futures = started.withLockedValue { $0?.done ?? [] }
        for future in futures { try await future.get() }
    }

    /// Ends the run early: no new requests; in-flight ones get half a second.
    public func stop() {
        for worker in workers { worker.stop() }
    }

    public func shutdown() async {
        try? await group.shutdownGracefully()
    }

    /// Per-second buckets of every second before `second`, merged across loops.
    public func takeSeconds(before second: Int) async throws -> [SecondBucket] {
        var merged: [Int: SecondBucket] = [:]
        for worker in workers {
            let buckets = try await worker.loop.submit { worker.recorder.takeSeconds(before: second) }.get()
            for bucket in buckets { merged[bucket.second, default: SecondBucket(second: bucket.second)].merge(bucket) }
        }
        return merged.keys.sorted().compactMap { merged[$0] }
    }

    /// Statistics of one phase per request name, merged across loops.
    public func stats(phase: Int) async throws -> [String: RequestStats] {
        var merged: [String: RequestStats] = [:]
        for worker in workers {
            let stats = try await worker.loop.submit { worker.recorder.stats(phase: phase) }.get()
            for (name, value) in stats { merged[name, default: RequestStats()].merge(value) }
        }
        return merged
    }

    public func errorSamples() async throws -> ErrorSamples {
        var merged = ErrorSamples()
        for worker in workers {
            merged.merge(try await worker.loop.submit { worker.recorder.samples }.get())
        }
        return merged
    }

    /// Open model: lateness of each send after its intended time (µs), merged across loops.
    public func sendLag() async throws -> Histogram<UInt64> {
        var merged = RequestStats.makeHistogram()
        for worker in workers {
            merged.add(try await worker.loop.submit { worker.recorder.sendLag }.get())
        }
        return merged
    }

    /// Open connections and active virtual users right now.
    public func gauges() async throws -> (connections: Int, users: Int) {
        var connections = 0
        var users = 0
        for worker in workers {
            let (c, u) = try await worker.loop.submit { (worker.openConnections, worker.activeUsers) }.get()
            connections += c
            users += u
        }
        return (connections, users)
    }
}

/// The engine could not be prepared (bad target, unreadable payload or golden file).
public struct EngineError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
