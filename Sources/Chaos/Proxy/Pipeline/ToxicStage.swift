import NIOCore

/// One toxic acting on one direction of one connection. A stage is a state machine without I/O: it is given each
/// event with the (virtual) time it arrived and answers with what it passes on and when, so timing is tested with
/// injected times. Confined to the connection's event loop.
protocol ToxicStage: AnyObject {
    /// Events the toxic makes on its own once it starts acting at `now` (a timeout's close).
    func start(at now: NIODeadline) -> [TimedEvent]
    /// `event` reached this toxic at `now`; returns what it passes on, due times never earlier than `now`.
    func process(_ event: StreamEvent, at now: NIODeadline) -> [TimedEvent]
    /// Takes over what the toxic it replaces had counted (an update keeps limit_data's byte count).
    func adoptState(from previous: any ToxicStage)
}

extension ToxicStage {
    func start(at now: NIODeadline) -> [TimedEvent] { [] }
    func adoptState(from previous: any ToxicStage) {}
}

/// A stage that passes terminal events straight on; toxics that only change data use it.
extension ToxicStage {
    func passTerminal(_ event: StreamEvent, at now: NIODeadline) -> [TimedEvent] {
        [TimedEvent(event, due: now)]
    }
}
