import NIOCore
import NIOPosix
import NIOSSL

/// One event loop's share of the load: its connections, its arrivals (every `loopCount`-th one of the schedule) or
/// its virtual users, and its recorder. Everything here runs on `loop`, so nothing is locked on the hot path.
///
/// This file holds the state, the timeline and the ending; the open model is in `LoopWorker+OpenModel.swift`, the
/// closed model in `LoopWorker+ClosedModel.swift`, connections and responses in `LoopWorker+Connections.swift`. Their
/// bookkeeping — `WaitingArrivals`, `RequestRotation`, `ConnectionPool`, `VirtualUsers` — is pure and unit-tested.
final class LoopWorker: @unchecked Sendable {
    let loop: any EventLoop
    let loopIndex: Int
    let loopCount: Int
    let phases: [PhaseSpec]
    /// Fixed when the engine starts, after every bit of setup: a schedule that began earlier would turn slow setup
    /// into a catch-up burst of late requests.
    var timeline = EngineTimeline(runStart: 0, phaseDurations: [])
    let requests: [PreparedRequest]
    let keepHeaders: [Bool]
    let keepBody: [Bool]
    /// Per request, indexed by status code (0..<600): whether `expect.status` accepts it. A table, because the
    /// status check runs on every response and set lookups showed up in the profile.
    let statusAccepted: [[Bool]]
    /// Per request: nothing to check beyond the status.
    let statusOnly: [Bool]
    let phaseIsOpen: [Bool]
    var rotation: RequestRotation
    let options: EngineOptions
    let remote: SocketAddress
    let tls: ClientTLS?
    /// The run's data feeds, shared by every loop; nil when no request has placeholders.
    let dataFeeds: DataFeeds?
    /// This loop's generator for `{{uuid}}`: seeded once from the system, then no system call per request.
    var random = SplitMix64(seed: UInt64.random(in: 0...UInt64.max))
    let warmConnections: Int
    let recorder: Recorder
    let segment: ExecutionSegment

    var pool: ConnectionPool<Connection>
    /// Open-model arrivals waiting for a free connection: requests wait for a freed or a newly opened connection
    /// rather than each opening its own (`ConnectionPool` caps connects).
    var waiting = WaitingArrivals()
    var nextConnectionID = 0
    var virtualUsers = VirtualUsers()
    var inFlightCount = 0
    var currentPhase = -1
    /// The open phase's arrivals for this loop, and the one timer armed for the next of them.
    var pump: ArrivalPump?
    var pumpTimer: (deadline: UInt64, task: Scheduled<Void>)?
    var pumping = false
    var userSchedule: UserSchedule?
    var ending = false
    var finished = false
    var stopRequested = false
    let done: EventLoopPromise<Void>
    var sweepTask: RepeatedTask?

    struct Configuration {
        var loopIndex: Int
        var loopCount: Int
        var phases: [PhaseSpec]
        var requests: [PreparedRequest]
        var weights: [Int]
        var options: EngineOptions
        var remote: SocketAddress
        var tls: ClientTLS?
        var dataFeeds: DataFeeds?
        /// Pool connections to open before the first phase starts (this loop's share).
        var warmConnections = 0
        /// This instance's part of a scenario split across generators.
        var segment = ExecutionSegment.whole
    }

    init(loop: any EventLoop, configuration c: Configuration) {
        self.loop = loop
        loopIndex = c.loopIndex
        loopCount = c.loopCount
        phases = c.phases
        requests = c.requests
        keepHeaders = c.requests.map { !$0.checker.expect.headers.isEmpty }
        keepBody = c.requests.map { $0.checker.needsBody }
        phaseIsOpen = c.phases.map(\.load.isOpen)
        rotation = RequestRotation(weights: c.weights, variantCounts: c.requests.map(\.variants.count))
        statusAccepted = c.requests.map { prepared in (0..<600).map { prepared.checker.expect.status.accepts($0) } }
        statusOnly = c.requests.map { prepared in
            let expect = prepared.checker.expect
            return expect.headers.isEmpty && expect.json.isEmpty && expect.detections == nil
        }
        options = c.options
        remote = c.remote
        tls = c.tls
        dataFeeds = c.dataFeeds
        pool = ConnectionPool(capacity: (c.options.maxConnections + c.loopCount - 1) / c.loopCount)
        warmConnections = min(pool.capacity, c.warmConnections)
        segment = c.segment
        recorder = Recorder(phaseNames: c.phases.map(\.name), requestNames: c.requests.map(\.name))
        done = loop.makePromise()
    }

    /// Monotonic nanoseconds, the clock every timestamp of the engine uses.
    @inline(__always) static func now() -> UInt64 { NIODeadline.now().uptimeNanoseconds }

    /// Starts `timeline`; the future completes when the last phase has ended and in-flight requests are settled.
    func start(_ timeline: EngineTimeline) -> EventLoopFuture<Void> {
        loop.execute {
            self.timeline = timeline
            self.recorder.runStart = timeline.runStart
            // Connect before the first arrival is due: otherwise the first requests of an open phase all find no
            // idle connection and wait for connects started at the same instant, a send lag of milliseconds.
            for _ in 0..<self.warmConnections { _ = self.openConnection() }
            self.sweepTask = self.loop.scheduleRepeatedTask(initialDelay: .milliseconds(50), delay: .milliseconds(50)) { _ in
                self.sweepTimeouts()
            }
            self.at(self.timeline.start(of: 0)) { self.beginPhase(0) }
        }
        return done.futureResult
    }

    /// Ends the run early (abort or interrupt): no new requests; in-flight ones get a short grace.
    func stop() {
        loop.execute {
            guard !self.stopRequested else { return }
            self.stopRequested = true
            self.endPump()
            self.userSchedule = nil
            _ = self.virtualUsers.setActive(0)
            self.beginEnding(grace: .milliseconds(500), dropWaiting: true)
        }
    }

    // MARK: - Timeline

    func at(_ time: UInt64, _ body: @escaping @Sendable () -> Void) {
        let deadline = NIODeadline.uptimeNanoseconds(time)
        if time <= Self.now() {
            body()
        } else {
            loop.scheduleTask(deadline: deadline) { body() }
        }
    }

    func beginPhase(_ phase: Int) {
        guard !stopRequested else { return }
        currentPhase = phase
        let spec = phases[phase]
        endPump()
        userSchedule = nil
        if spec.load.isOpen {
            setActiveUsers(0)
            if let full = spec.load.arrivalSchedule(phaseDuration: spec.duration) {
                let schedule = segment.count > 1 ? SegmentSchedule(full, segment: segment) : full
                pump = ArrivalPump(
                    phase: phase, schedule: schedule, phaseStart: timeline.start(of: phase), loopIndex: loopIndex,
                    loopCount: loopCount)
                pumpArrivals()
            }
        } else {
            let users = UserSchedule(load: spec.load, phaseDuration: spec.duration)
            userSchedule = users
            adjustUsers(phase: phase)
        }
        at(timeline.end(of: phase)) {
            if phase + 1 < self.timeline.phaseCount {
                self.beginPhase(phase + 1)
            } else {
                self.endPump()
                self.userSchedule = nil
                self.setActiveUsers(0)
                self.beginEnding(grace: self.options.maxSendDelay + self.options.requestTimeout)
            }
        }
    }

    // MARK: - Ending

    /// After the last phase, requests that still wait for a connection may go out until their max_send_delay ends;
    /// after an abort they are dropped at once.
    func beginEnding(grace: Duration, dropWaiting: Bool = false) {
        guard !ending else { return }
        ending = true
        if dropWaiting {
            let now = Self.now()
            waiting.removeAll { recordDropped($0, at: now) }
        }
        for connection in pool.takeAllIdle() { connection.close() }
        loop.scheduleTask(in: .nanoseconds(grace.nanoseconds)) { self.finish() }
        checkEnding()
    }

    func checkEnding() {
        guard ending, !finished, inFlightCount <= 0, waiting.isEmpty,
            pool.members.allSatisfy({ $0.inFlight == nil && $0.pendingFirst == nil })
        else {
            return
        }
        finish()
    }

    func finish() {
        guard !finished else { return }
        finished = true
        let now = Self.now()
        waiting.removeAll { recordDropped($0, at: now) }
        sweepTask?.cancel()
        for connection in Array(pool.members) {
            connection.abort(.timeout, message: "still waiting for a response when the run ended")
        }
        done.succeed()
    }

    // MARK: - Snapshots for the runner

    var openConnections: Int { pool.open.count }
    var activeUsers: Int { virtualUsers.activeCount }
}
