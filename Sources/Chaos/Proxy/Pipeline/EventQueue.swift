import NIOCore

/// Events waiting between two toxics, in order. Due times never go backwards (a later event is never due before an
/// earlier one), and nothing is accepted after a terminal event: bytes keep their order and nothing follows a close.
struct EventQueue {
    private var events: [TimedEvent] = []
    private var head = 0
    private var closed = false
    private(set) var byteCount = 0

    var isEmpty: Bool { head == events.count }
    var first: TimedEvent? { isEmpty ? nil : events[head] }

    mutating func append(_ event: TimedEvent) {
        guard !closed else { return }
        var event = event
        if let last = events.last, head < events.count, last.due > event.due { event.due = last.due }
        if event.event.isTerminal && !event.generated { closed = true }
        byteCount += event.event.byteCount
        events.append(event)
    }

    mutating func popDue(by now: NIODeadline) -> TimedEvent? {
        guard let next = first, next.due <= now else { return nil }
        head += 1
        byteCount -= next.event.byteCount
        if head == events.count {
            events.removeAll(keepingCapacity: true)
            head = 0
        }
        return next
    }

    /// Takes every waiting event out (the queue stays closed if it was).
    mutating func drain() -> [TimedEvent] {
        let rest = Array(events[head...])
        events.removeAll()
        head = 0
        byteCount = 0
        closed = false
        return rest
    }

    mutating func removeGenerated() {
        let kept = drain().filter { !$0.generated }
        for event in kept { append(event) }
    }
}
