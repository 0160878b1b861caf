import NIOCore
import NIOHTTP1

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One client connection and the upstream connection opened for it, with a toxic pipeline per direction.
/// Confined to the client channel's event loop: every entry point runs there (the proxy hops onto it), which is why
/// the unchecked `Sendable` is sound.
final class ProxyConnection: @unchecked Sendable {
    enum Side { case client, server }

    let eventLoop: any EventLoop
    let client: any Channel
    private var server: (any Channel)?
    private let pipelines: [Toxic.Stream: ToxicPipeline] = [.upstream: ToxicPipeline(), .downstream: ToxicPipeline()]
    private var random: SeededRandom
    let parsesHTTP: Bool
    var http = HTTPFaultDecider()
    var requestWriter = HTTPRequestWriter()
    /// When the next forwarded request part may leave (http_delay keeps later requests behind a delayed one).
    var releaseAt = NIODeadline.uptimeNanoseconds(0)
    var discardingAbortedRequest = false
    /// Toxics on this connection with the roll that decided whether they act (kept, so an update re-decides alike).
    private var rolls: [String: (toxic: Toxic, roll: Double)] = [:]
    private var inputEnded: Set<Side> = []
    private var endDelivered: Set<Toxic.Stream> = []
    private var needsFlush: Set<Side> = []
    /// Sides whose channel reads on its own (autoRead on).
    private var reading: Set<Side> = []
    private var timers: [Toxic.Stream: (deadline: NIODeadline, task: Scheduled<Void>)] = [:]
    private(set) var isClosed = false
    private let onClose: @Sendable (ProxyConnection) -> Void

    /// Bytes a direction may hold inside its toxics before reading from the sender pauses.
    private static let heldBytesLimit = 256 * 1024

    init(client: any Channel, parsesHTTP: Bool, random: SeededRandom, onClose: @escaping @Sendable (ProxyConnection) -> Void) {
        self.client = client
        self.eventLoop = client.eventLoop
        self.parsesHTTP = parsesHTTP
        self.random = random
        self.onClose = onClose
    }

    func pipeline(_ stream: Toxic.Stream) -> ToxicPipeline { pipelines[stream]! }

    func nextRoll() -> Double { random.unit() }
    func nextRandom() -> SeededRandom { random.split() }
    func roll(of name: String) -> (toxic: Toxic, roll: Double)? { rolls[name] }
    func setRoll(_ toxic: Toxic, _ roll: Double) { rolls[toxic.name] = (toxic, roll) }
    func clearRoll(_ name: String) { rolls[name] = nil }
    /// A roll for one HTTP request's percentage checks.
    func decideRequest() -> HTTPFaultDecider.Decision { http.decide(using: &random) }

    private func channel(_ side: Side) -> (any Channel)? { side == .client ? client : server }
    private static func stream(from side: Side) -> Toxic.Stream { side == .client ? .upstream : .downstream }
    private static func receiver(of stream: Toxic.Stream) -> Side { stream == .upstream ? .server : .client }
    private static func sender(of stream: Toxic.Stream) -> Side { stream == .upstream ? .client : .server }

    // MARK: Life cycle

    /// The upstream connection is up: reading starts on both sides (nothing is read from the client before, so
    /// its bytes wait in the kernel, not in memory).
    func serverConnected(_ channel: any Channel) {
        guard !isClosed else {
            channel.close(promise: nil)
            return
        }
        server = channel
        maybeRead(.client)
        maybeRead(.server)
    }

    /// Closes both sides now; with `reset` the client and server see a TCP RST instead of a FIN.
    func close(reset: Bool = false) {
        guard !isClosed else { return }
        isClosed = true
        for (_, timer) in timers { timer.task.cancel() }
        timers = [:]
        for side in [Side.client, .server] {
            guard let channel = channel(side) else { continue }
            if reset, let options = channel as? any SocketOptionProvider {
                options.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in channel.close(promise: nil) }
            } else {
                channel.close(promise: nil)
            }
        }
        onClose(self)
    }

    /// Closes both sides once what was already written has gone out.
    private func closeAfterFlush() {
        guard !isClosed else { return }
        let channels = [client, server].compactMap { $0 }
        isClosed = true
        for (_, timer) in timers { timer.task.cancel() }
        timers = [:]
        for channel in channels {
            channel.writeAndFlush(channel.allocator.buffer(capacity: 0)).whenComplete { _ in channel.close(promise: nil) }
        }
        onClose(self)
    }

    // MARK: Events from the channels

    func received(_ buffer: ByteBuffer, from side: Side) {
        guard !isClosed else { return }
        let stream = Self.stream(from: side)
        let pipeline = pipeline(stream)
        if pipeline.isPassthrough, let output = channel(Self.receiver(of: stream)) {
            output.write(buffer, promise: nil)
            needsFlush.insert(Self.receiver(of: stream))
            return
        }
        pipeline.push(.data(buffer), at: .now())
        pump(stream)
    }

    /// The client channel becomes active only after its initializer ran, possibly after the upstream connected.
    func channelActive(_ side: Side) {
        maybeRead(side)
    }

    func readComplete(on side: Side) {
        flushPending()
        maybeRead(side)
    }

    func inputClosed(on side: Side) {
        guard !isClosed, !inputEnded.contains(side) else { return }
        inputEnded.insert(side)
        let stream = Self.stream(from: side)
        pipeline(stream).push(.end, at: .now())
        pump(stream)
    }

    func channelInactive(_ side: Side) {
        guard !isClosed else { return }
        // The client is gone: nothing more can reach it, so the upstream connection goes too. The server is gone:
        // what it sent still passes its toxics to the client, then the client sees the end.
        if side == .client { close() } else { inputClosed(on: .server) }
    }

    func writabilityChanged(on side: Side) {
        maybeRead(side == .client ? .server : .client)
    }

    // MARK: Moving data

    /// Delivers whatever the direction's toxics release by now and wakes up again when the next thing is due.
    func pump(_ stream: Toxic.Stream) {
        guard !isClosed else { return }
        let pipeline = pipeline(stream)
        for event in pipeline.advance(to: .now()) {
            deliver(event, on: stream)
            if isClosed { return }
        }
        flushPending()
        schedule(stream, at: pipeline.nextDeadline)
        maybeRead(Self.sender(of: stream))
    }

    private func deliver(_ event: StreamEvent, on stream: Toxic.Stream) {
        let side = Self.receiver(of: stream)
        let output = channel(side)
        switch event {
        case .data(let buffer):
            guard !endDelivered.contains(stream), let output else { return }
            output.write(buffer, promise: nil)
            needsFlush.insert(side)
        case .end:
            guard !endDelivered.contains(stream) else { return }
            endDelivered.insert(stream)
            if endDelivered.count == 2 {
                closeAfterFlush()
            } else if let output, output.isActive {
                output.flush()
                output.close(mode: .output, promise: nil)
            }
        case .close:
            closeAfterFlush()
        case .reset:
            close(reset: true)
        }
    }

    private func flushPending() {
        for side in needsFlush { channel(side)?.flush() }
        needsFlush.removeAll()
    }

    private func schedule(_ stream: Toxic.Stream, at deadline: NIODeadline?) {
        if let current = timers[stream], current.deadline == deadline { return }
        timers[stream]?.task.cancel()
        timers[stream] = nil
        guard let deadline else { return }
        let task = eventLoop.scheduleTask(deadline: deadline) { [self] in
            timers[stream] = nil
            pump(stream)
        }
        timers[stream] = (deadline, task)
    }

    /// Reads from the sender only while the receiver keeps up and the toxics hold little: backpressure end to end.
    /// Reading is switched with autoRead rather than one `read()` per cycle, because re-arming the read interest
    /// every cycle costs two epoll calls per request on the no-toxic path.
    private func maybeRead(_ side: Side) {
        guard !isClosed, let input = channel(side), input.isActive else { return }
        let stream = Self.stream(from: side)
        let output = channel(Self.receiver(of: stream))
        let wanted =
            !inputEnded.contains(side) && (output?.isWritable ?? false)
            && pipeline(stream).heldBytes < Self.heldBytesLimit
        guard wanted != reading.contains(side) else { return }
        if wanted { reading.insert(side) } else { reading.remove(side) }
        try? input.syncOptions?.setOption(ChannelOptions.autoRead, value: wanted)
    }
}
