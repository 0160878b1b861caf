import NIOCore
import NIOPosix
import NIOSSL

/// One event loop's share of the load: its connections, its arrivals (every `loopCount`-th one of the schedule) or
/// its virtual users, and its recorder. Everything here runs on `loop`, so nothing is locked on the hot path.
final class LoopWorker: @unchecked Sendable {
    let loop: any EventLoop
    private let loopIndex: Int
    private let loopCount: Int
    private let phases: [PhaseSpec]
    /// Fixed when the engine starts, after every bit of setup: a schedule that began earlier would turn slow setup
    /// into a catch-up burst of late requests.
    private var timeline = EngineTimeline(runStart: 0, phaseDurations: [])
    private let requests: [PreparedRequest]
    private let keepHeaders: [Bool]
    private let keepBody: [Bool]
    /// Per request, indexed by status code (0..<600): whether `expect.status` accepts it. A table, because the
    /// status check runs on every response and set lookups showed up in the profile.
    private let statusAccepted: [[Bool]]
    /// Per request: nothing to check beyond the status.
    private let statusOnly: [Bool]
    private let phaseIsOpen: [Bool]
    private let variantCounts: [Int]
    private var nextVariant: [Int]
    /// Request indices repeated by weight and interleaved, walked round-robin.
    private let requestOrder: [Int]
    private var orderCursor = 0
    private let options: EngineOptions
    private let remote: SocketAddress
    private let tls: (context: NIOSSLContext, serverName: String?)?
    private let maxConnections: Int
    private let warmConnections: Int
    let recorder: Recorder

    private var connections: [Int: Connection] = [:]
    private var idle: [Connection] = []
    /// Open-model arrivals waiting for a free connection, oldest first (`waitingHead` indexes the oldest).
    private var waiting: [Connection.InFlight] = []
    private var waitingHead = 0
    private var nextConnectionID = 0
    /// Connects in progress. Capped: when the target stalls for a moment, opening a connection for every request
    /// that finds all connections busy turned a 10 ms stall into a storm of hundreds of connects that kept the
    /// loop late for longer than the stall itself. Requests wait for a freed or a newly opened connection instead.
    private var connecting = 0
    private static let maxConcurrentConnects = 4
    private var users: [VirtualUser] = []
    private var inFlightCount = 0
    private var currentPhase = -1
    /// The open phase's arrivals for this loop, and the one timer armed for the next of them.
    private var pump: ArrivalPump?
    private var pumpTimer: (deadline: UInt64, task: Scheduled<Void>)?
    private var pumping = false
    private var userSchedule: UserSchedule?
    private var ending = false
    private var finished = false
    private var stopRequested = false
    private let done: EventLoopPromise<Void>
    private var sweepTask: RepeatedTask?

    struct Configuration {
        var loopIndex: Int
        var loopCount: Int
        var phases: [PhaseSpec]
        var requests: [PreparedRequest]
        var weights: [Int]
        var options: EngineOptions
        var remote: SocketAddress
        var tls: (context: NIOSSLContext, serverName: String?)?
        /// Pool connections to open before the first phase starts (this loop's share).
        var warmConnections = 0
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
        variantCounts = c.requests.map(\.variants.count)
        nextVariant = [Int](repeating: 0, count: c.requests.count)
        statusAccepted = c.requests.map { prepared in (0..<600).map { prepared.checker.expect.status.accepts($0) } }
        statusOnly = c.requests.map { prepared in
            let expect = prepared.checker.expect
            return expect.headers.isEmpty && expect.json.isEmpty && expect.detections == nil
        }
        requestOrder = Self.interleave(weights: c.weights)
        options = c.options
        remote = c.remote
        tls = c.tls
        maxConnections = max(1, (c.options.maxConnections + c.loopCount - 1) / c.loopCount)
        warmConnections = min(maxConnections, c.warmConnections)
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
            for user in self.users { user.isActive = false }
            self.beginEnding(grace: .milliseconds(500), dropWaiting: true)
        }
    }

    // MARK: - Timeline

    private func at(_ time: UInt64, _ body: @escaping @Sendable () -> Void) {
        let deadline = NIODeadline.uptimeNanoseconds(time)
        if time <= Self.now() {
            body()
        } else {
            loop.scheduleTask(deadline: deadline) { body() }
        }
    }

    private func beginPhase(_ phase: Int) {
        guard !stopRequested else { return }
        currentPhase = phase
        let spec = phases[phase]
        endPump()
        userSchedule = nil
        if spec.load.isOpen {
            setActiveUsers(0)
            if let schedule = spec.load.arrivalSchedule(phaseDuration: spec.duration) {
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

    // MARK: - Open model

    /// Sends every arrival that is due, then arms one timer for the next. Never waits on responses.
    private func pumpArrivals() {
        // A send can fail synchronously and close a connection; that path must not start a second pump loop.
        guard !pumping, !stopRequested else { return }
        pumping = true
        defer { pumping = false }
        while let due = pump?.nextDue {
            if due > Self.now() {
                armPumpTimer(for: due)
                return
            }
            pump!.advance()
            arrival(phase: pump!.phase, intended: due)
        }
        endPump()
    }

    /// Sends what has come due while the loop was busy with I/O. The event loop runs every ready channel before any
    /// timer, so at high rates a batch of responses would otherwise hold a due send back by the whole batch.
    @inline(__always) private func sendDueArrivals() {
        if let due = pump?.nextDue, due <= Self.now() { pumpArrivals() }
    }

    private func armPumpTimer(for due: UInt64) {
        if let armed = pumpTimer {
            if armed.deadline == due { return }
            armed.task.cancel()
        }
        let task = loop.scheduleTask(deadline: .uptimeNanoseconds(due)) {
            self.pumpTimer = nil
            self.pumpArrivals()
        }
        pumpTimer = (due, task)
    }

    private func endPump() {
        pump = nil
        pumpTimer?.task.cancel()
        pumpTimer = nil
    }

    private func arrival(phase: Int, intended: UInt64) {
        let request = nextRequest()
        let variant = takeVariant(of: request)
        let inFlight = Connection.InFlight(phase: phase, request: request, variant: variant, intended: intended, sent: 0)
        if let connection = idle.popLast() {
            issue(inFlight, on: connection)
        } else if connections.count < maxConnections, connecting < Self.maxConcurrentConnects {
            let connection = openConnection()
            recorder.recordSent(phase: phase, request: request, at: Self.now())
            inFlightCount += 1
            connection.pendingFirst = inFlight
        } else {
            // Every connection is busy and no new one may be opened now: wait for one, up to max_send_delay.
            waiting.append(inFlight)
        }
    }

    /// Hands a free pool connection the oldest waiting request that can still go out on time; drops the rest.
    /// Returns false when nothing was waiting.
    private func serveWaiting(on connection: Connection) -> Bool {
        dropLateWaiting(now: Self.now())
        guard waitingHead < waiting.count else { return false }
        let next = waiting[waitingHead]
        waitingHead += 1
        compactWaiting()
        issue(next, on: connection)
        return true
    }

    private func dropLateWaiting(now: UInt64) {
        let limit = UInt64(options.maxSendDelay.nanoseconds)
        while waitingHead < waiting.count, now &- waiting[waitingHead].intended > limit, waiting[waitingHead].intended < now {
            let late = waiting[waitingHead]
            waitingHead += 1
            recorder.recordFailure(
                phase: late.phase, request: late.request, code: .dropped, intended: late.intended, at: now, message: nil)
        }
        compactWaiting()
    }

    private func compactWaiting() {
        if waitingHead == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            waitingHead = 0
        } else if waitingHead > 1024, waitingHead * 2 > waiting.count {
            waiting.removeFirst(waitingHead)
            waitingHead = 0
        }
    }

    // MARK: - Closed model

    private func adjustUsers(phase: Int) {
        guard phase == currentPhase, !stopRequested, let schedule = userSchedule else { return }
        let elapsed = Duration.nanoseconds(Int64(Self.now() &- timeline.start(of: phase)))
        let total = schedule.users(at: elapsed)
        // Users are dealt to loops round-robin: this loop runs users loopIndex, loopIndex + loopCount, ...
        let mine = total > loopIndex ? (total - loopIndex + loopCount - 1) / loopCount : 0
        setActiveUsers(mine)
        if case .rampingUsers = phases[phase].load {
            loop.scheduleTask(in: .milliseconds(100)) { self.adjustUsers(phase: phase) }
        }
    }

    private func setActiveUsers(_ count: Int) {
        while users.count < count { users.append(VirtualUser(index: users.count)) }
        for (index, user) in users.enumerated() {
            let wanted = index < count
            if wanted, !user.isActive {
                user.isActive = true
                if !user.isBusy { userSend(user, intended: Self.now()) }
            } else if !wanted {
                user.isActive = false
            }
        }
    }

    private func userSend(_ user: VirtualUser, intended: UInt64) {
        guard user.isActive, currentPhase >= 0, !stopRequested else {
            user.isBusy = false
            return
        }
        user.isBusy = true
        let phase = currentPhase
        let request = nextRequest()
        let variant = takeVariant(of: request)
        let inFlight = Connection.InFlight(phase: phase, request: request, variant: variant, intended: intended, sent: 0)
        if let connection = user.connection, connection.isConnected {
            issue(inFlight, on: connection)
        } else {
            let connection = openConnection()
            connection.user = user
            user.connection = connection
            recorder.recordSent(phase: phase, request: request, at: Self.now())
            inFlightCount += 1
            connection.pendingFirst = inFlight
        }
    }

    private func userContinue(_ user: VirtualUser, afterError: Bool) {
        let think = userSchedule?.think ?? .zero
        // After a connection error, pause briefly so a dead target is not hammered in a tight loop.
        let pause = afterError ? max(think, .milliseconds(10)) : think
        if pause == .zero {
            userSend(user, intended: Self.now())
        } else {
            let due = Self.now() + UInt64(pause.nanoseconds)
            loop.scheduleTask(deadline: .uptimeNanoseconds(due)) { self.userSend(user, intended: due) }
        }
    }

    // MARK: - Connections

    private func nextRequest() -> Int {
        let request = requestOrder[orderCursor]
        orderCursor = orderCursor + 1 == requestOrder.count ? 0 : orderCursor + 1
        return request
    }

    /// Rotates through a request's payload variants. The counters live apart from `requests` so that taking a
    /// variant does not make the array of prepared requests check its uniqueness on every request.
    private func takeVariant(of request: Int) -> Int {
        let variant = nextVariant[request]
        nextVariant[request] = variant + 1 == variantCounts[request] ? 0 : variant + 1
        return variant
    }

    private func issue(_ inFlight: Connection.InFlight, on connection: Connection) {
        let now = Self.now()
        recorder.recordSent(phase: inFlight.phase, request: inFlight.request, at: now)
        inFlightCount += 1
        send(inFlight, on: connection, at: now)
    }

    private func send(_ inFlight: Connection.InFlight, on connection: Connection, at now: UInt64 = LoopWorker.now()) {
        // Field by field rather than copying the PreparedRequest: a copy retains and releases all its storage.
        if phaseIsOpen[inFlight.phase], !inFlight.retried { recorder.recordSendLag(now &- min(now, inFlight.intended)) }
        connection.send(
            inFlight, at: now, bytes: requests[inFlight.request].variants[inFlight.variant].bytes,
            keepHeaders: keepHeaders[inFlight.request], keepBody: keepBody[inFlight.request],
            isHead: requests[inFlight.request].isHead)
    }

    private func openConnection() -> Connection {
        let tls = self.tls
        let connection = Connection(id: nextConnectionID, worker: self, countsWireBytes: tls != nil)
        nextConnectionID += 1
        connections[connection.id] = connection
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(.nanoseconds(options.connectTimeout.nanoseconds))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            // A server's close arrives as `inputClosed` with the socket still open, so `Connection` can ask the
            // kernel what the server acknowledged before deciding whether a lost request may be retried.
            .channelOption(.allowRemoteHalfClosure, value: true)
            .channelInitializer { channel in
                do {
                    if let wireBytes = connection.wireBytes { try channel.pipeline.syncOperations.addHandler(wireBytes) }
                    if let tls {
                        let handler = try NIOSSLClientHandler(context: tls.context, serverHostname: tls.serverName)
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                    try channel.pipeline.syncOperations.addHandler(connection)
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
        connecting += 1
        bootstrap.connect(to: remote).whenComplete { result in
            self.connecting -= 1
            switch result {
            case .success:
                // Keep opening (a few at a time) while requests wait and the cap allows.
                if connection.user == nil, self.waitingHead < self.waiting.count, self.connections.count < self.maxConnections,
                    self.connecting < Self.maxConcurrentConnects, !self.ending
                {
                    _ = self.openConnection()
                }
                guard let first = connection.pendingFirst else {
                    if connection.user == nil, connection.isConnected, !self.serveWaiting(on: connection), !self.ending {
                        self.idle.append(connection)
                    }
                    return
                }
                connection.pendingFirst = nil
                if connection.isConnected {
                    self.send(first, on: connection)
                }
            case .failure(let error):
                self.connectFailed(connection, error: error)
            }
        }
        return connection
    }

    private func connectFailed(_ connection: Connection, error: any Error) {
        connections[connection.id] = nil
        let (code, message) = TransportError.classifyConnect(error)
        if let lost = connection.pendingFirst {
            connection.pendingFirst = nil
            inFlightCount -= 1
            recorder.recordFailure(
                phase: lost.phase, request: lost.request, code: code, intended: lost.intended, at: Self.now(), message: message)
        }
        if let user = connection.user {
            user.connection = nil
            userContinue(user, afterError: true)
        }
        checkEnding()
    }

    /// Called by a connection when a response completed.
    func completed(_ connection: Connection, request: Connection.InFlight, response: HTTPResponseParser.Response) {
        let finishedAt = Self.now()
        inFlightCount -= 1
        let outcome: CheckOutcome
        let status = response.status
        if status >= 0, status < statusAccepted[request.request].count, statusAccepted[request.request][status] {
            // The common case — an accepted status and no other checks — without touching the checker.
            outcome =
                statusOnly[request.request]
                ? .passed
                : requests[request.request].checker.check(
                    status: status, headers: response.headers, body: response.body,
                    payloadName: requests[request.request].variants[request.variant].payloadName)
        } else {
            outcome = .statusRejected(status)
        }
        let code: ErrorCode?
        switch outcome {
        case .passed: code = nil
        case .statusRejected(let status):
            code = status >= 500 ? .http5xx : .http4xx
            recorder.recordSample(phase: request.phase, request: request.request, code: code!, message: "HTTP \(status)")
        case .failed(let message):
            code = .checkFailed
            recorder.recordSample(phase: request.phase, request: request.request, code: .checkFailed, message: message)
        }
        let checked: Bool = if case .statusRejected = outcome { false } else { true }
        // Headers are kept only for requests that check one; those that check X-Model-Version feed version tracking.
        let version =
            response.headers.isEmpty
            ? nil : response.headers.first { $0.0.lowercased() == DetectionServiceAPI.modelVersionHeader }?.1
        recorder.recordResponse(
            phase: request.phase, request: request.request, intended: request.intended, sent: request.sent,
            finished: finishedAt, code: code, checked: checked, version: version)
        if let user = connection.user {
            userContinue(user, afterError: false)
        } else if connection.isConnected, !serveWaiting(on: connection), !ending {
            idle.append(connection)
        }
        sendDueArrivals()
        checkEnding()
    }

    /// Called by a connection the server closed before it received `request` (see `RaceWithIdleClose`): the request
    /// goes out once more on a new connection, still timed from its intended send time and counted as sent once.
    func retry(_ connection: Connection, request: Connection.InFlight) {
        connections[connection.id] = nil
        if let index = idle.firstIndex(where: { $0 === connection }) { idle.remove(at: index) }
        var again = request
        again.retried = true
        recorder.recordRetry(phase: request.phase, request: request.request)
        let replacement = openConnection()
        replacement.pendingFirst = again
        if let user = connection.user {
            user.connection = replacement
            replacement.user = user
        }
    }

    /// Called by a connection when it closed; `lost` is the request it had in flight, if any.
    func closed(_ connection: Connection, lost: Connection.InFlight?, reason: (ErrorCode, String)) {
        connections[connection.id] = nil
        if let index = idle.firstIndex(where: { $0 === connection }) { idle.remove(at: index) }
        if let lost {
            inFlightCount -= 1
            recorder.recordFailure(
                phase: lost.phase, request: lost.request, code: reason.0, intended: lost.intended, at: Self.now(),
                message: reason.1)
        }
        if let user = connection.user {
            user.connection = nil
            if lost != nil { userContinue(user, afterError: true) }
        } else if waitingHead < waiting.count, connections.count < maxConnections, connecting < Self.maxConcurrentConnects,
            !ending
        {
            _ = openConnection()  // replaces the lost connection for the requests that wait
        }
        checkEnding()
    }

    private func sweepTimeouts() {
        let now = Self.now()
        dropLateWaiting(now: now)
        // A connection closed while requests wait: open a replacement so they are not stranded.
        if waitingHead < waiting.count, connections.count < maxConnections, connecting < Self.maxConcurrentConnects, !ending {
            _ = openConnection()
        }
        let limit = UInt64(options.requestTimeout.nanoseconds)
        for connection in connections.values {
            if let request = connection.inFlight, now &- request.sent > limit, request.sent <= now {
                connection.abort(.timeout, message: "no complete response within \(options.requestTimeout)")
            }
        }
        checkEnding()
    }

    // MARK: - Ending

    /// After the last phase, requests that still wait for a connection may go out until their max_send_delay ends;
    /// after an abort they are dropped at once.
    private func beginEnding(grace: Duration, dropWaiting: Bool = false) {
        guard !ending else { return }
        ending = true
        if dropWaiting {
            let now = Self.now()
            for late in waiting[waitingHead...] {
                recorder.recordFailure(
                    phase: late.phase, request: late.request, code: .dropped, intended: late.intended, at: now, message: nil)
            }
            waiting.removeAll()
            waitingHead = 0
        }
        for connection in idle { connection.close() }
        idle.removeAll()
        loop.scheduleTask(in: .nanoseconds(grace.nanoseconds)) { self.finish() }
        checkEnding()
    }

    private func checkEnding() {
        guard ending, !finished, inFlightCount <= 0, waitingHead == waiting.count,
            connections.values.allSatisfy({ $0.inFlight == nil && $0.pendingFirst == nil })
        else {
            return
        }
        finish()
    }

    private func finish() {
        guard !finished else { return }
        finished = true
        let now = Self.now()
        for late in waiting[waitingHead...] {
            recorder.recordFailure(
                phase: late.phase, request: late.request, code: .dropped, intended: late.intended, at: now, message: nil)
        }
        waiting.removeAll()
        waitingHead = 0
        sweepTask?.cancel()
        for connection in Array(connections.values) {
            connection.abort(.timeout, message: "still waiting for a response when the run ended")
        }
        done.succeed()
    }

    // MARK: - Snapshots for the runner

    var openConnections: Int { connections.count }
    var activeUsers: Int { users.filter(\.isActive).count }

    static func interleave(weights: [Int]) -> [Int] {
        // Smooth weighted round-robin (as nginx does) so a 3:1 mix sends A A B A, not A A A B.
        var current = [Int](repeating: 0, count: weights.count)
        let total = weights.reduce(0, +)
        var order: [Int] = []
        for _ in 0..<max(1, total) {
            for index in weights.indices { current[index] += weights[index] }
            guard let best = current.indices.max(by: { current[$0] < current[$1] }) else { break }
            order.append(best)
            current[best] -= total
        }
        return order.isEmpty ? [0] : order
    }
}
