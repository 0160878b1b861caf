import NIOCore

/// What flows through one direction of a proxied connection: bytes, or how that direction ends.
enum StreamEvent {
    case data(ByteBuffer)
    /// The sender finished (EOF): the receiver's side is shut down for writing, the other direction goes on.
    case end
    /// A toxic closes the whole connection (both directions), after what was already passed on.
    case close
    /// A toxic aborts the whole connection with a TCP RST.
    case reset

    var byteCount: Int {
        if case .data(let buffer) = self { return buffer.readableBytes }
        return 0
    }

    var isTerminal: Bool {
        if case .data = self { return false }
        return true
    }
}

/// An event and the moment it is due at the next stage. `generated` marks events a toxic made on its own (a
/// timeout's close) rather than passed on; removing the toxic drops those, as removing it in Toxiproxy stops them.
struct TimedEvent {
    var event: StreamEvent
    var due: NIODeadline
    var generated = false

    init(_ event: StreamEvent, due: NIODeadline, generated: Bool = false) {
        self.event = event
        self.due = due
        self.generated = generated
    }
}
