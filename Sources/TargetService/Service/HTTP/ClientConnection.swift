import Synchronization

/// What the service knows about the client at the other end of one connection: whether it has gone, and how often in
/// a row it was refused. Shared by the connection's `ClientPresenceHandler` (which sees it leave) and the requests the
/// connection carries, which find it in the task-local `ClientConnection.current` (bound by `HTTPServer`).
///
/// Telling a client that left from one that only half-closed: both send a FIN, so a FIN alone proves nothing (a
/// client may shut down its sending side and still wait for the answer). When the FIN arrives while a request waits
/// for a worker, the handler sends an interim `102 Processing` (RFC 9110 §15.2: an HTTP/1.1 client must accept 1xx
/// responses it did not ask for). A half-closed client reads it and keeps waiting; a client that closed fully answers
/// it with a reset, the channel closes, and the request's job is skipped when a worker reaches it.
final class ClientConnection: Sendable {
    /// The connection of the request being handled; nil outside `HTTPServer` (tests calling a responder directly).
    @TaskLocal static var current: ClientConnection?

    private struct State {
        var departed = false
        var inputClosed = false
        /// A request waits for a worker; `probed` once its interim response went out.
        var waiting = false
        var probed = false
        var consecutiveSheds = 0
        var probe: (@Sendable () -> Void)?

        /// Whether the probe is due now, marking it sent: once per waiting request, only after the FIN.
        mutating func takeProbe() -> Bool {
            guard waiting, inputClosed, !probed, !departed, probe != nil else { return false }
            probed = true
            return true
        }
    }

    private let state = Mutex(State())

    init() {}

    /// Whether the client has closed the connection completely (the channel is gone).
    var hasDeparted: Bool { state.withLock { $0.departed } }

    /// Set by the handler: how to send the interim response (on the channel's event loop).
    func setProbe(_ probe: @escaping @Sendable () -> Void) {
        state.withLock { $0.probe = probe }
    }

    /// The channel closed: the client cannot receive an answer any more.
    func markDeparted() {
        state.withLock { $0.departed = true }
    }

    /// The client's FIN arrived. Returns whether the interim probe should be sent now (a request waits for a worker).
    func markInputClosed() -> Bool {
        state.withLock { state in
            state.inputClosed = true
            return state.takeProbe()
        }
    }

    /// A request of this connection now waits for a worker; sends the probe if the FIN already came.
    func beginWaiting() {
        let probe = state.withLock { state -> (@Sendable () -> Void)? in
            state.waiting = true
            state.probed = false
            return state.takeProbe() ? state.probe : nil
        }
        probe?()
    }

    /// The request no longer waits (its job started, or it ended).
    func endWaiting() {
        state.withLock { $0.waiting = false }
    }

    /// Counts a refusal in a row and returns how many there have been, this one included.
    func recordShed() -> Int {
        state.withLock { state in
            state.consecutiveSheds += 1
            return state.consecutiveSheds
        }
    }

    /// A request was admitted: the run of refusals is over.
    func recordAdmitted() {
        state.withLock { $0.consecutiveSheds = 0 }
    }
}
