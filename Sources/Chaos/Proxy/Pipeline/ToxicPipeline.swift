import NIOCore

/// The toxics on one direction of one connection, chained in the order they were added, as Toxiproxy chains them.
/// Pure: callers push events with the time they arrived and `advance(to:)` returns what is due at the output, so the
/// connection decides when to read, write and wake up, and tests drive it with injected times.
final class ToxicPipeline {
    private struct Link {
        let name: String
        let stage: any ToxicStage
    }

    private var links: [Link] = []
    /// `queues[k]` holds events waiting for `links[k]`; the last queue holds events due at the output.
    private var queues: [EventQueue] = [EventQueue()]

    /// No toxics and nothing waiting: the connection can write reads straight through.
    var isPassthrough: Bool { links.isEmpty && queues[0].isEmpty }

    /// Bytes held inside the toxics; the connection stops reading while this is high (backpressure).
    var heldBytes: Int { queues.reduce(0) { $0 + $1.byteCount } }

    /// The earliest time anything waiting becomes due, if anything waits.
    var nextDeadline: NIODeadline? { queues.compactMap { $0.first?.due }.min() }

    var toxicNames: [String] { links.map(\.name) }

    /// An event from the sender, arriving at `now`; `notBefore` holds it back (http_delay) without reordering.
    func push(_ event: StreamEvent, at now: NIODeadline, notBefore: NIODeadline? = nil) {
        let due = max(now, notBefore ?? now)
        queues[0].append(TimedEvent(event, due: due))
    }

    /// Adds a toxic at the end of the chain, acting from `now`.
    func add(name: String, stage: any ToxicStage, at now: NIODeadline) {
        links.append(Link(name: name, stage: stage))
        queues.append(EventQueue())
        for generated in stage.start(at: now) {
            queues[queues.count - 1].append(generated)
        }
    }

    /// Removes a toxic: what it was holding goes on now (Toxiproxy never drops data on removal), what it made on its
    /// own (a pending timeout close) is dropped.
    func remove(name: String, at now: NIODeadline) {
        guard let index = links.firstIndex(where: { $0.name == name }) else { return }
        var released = queues[index + 1].drain().filter { !$0.generated }
        for position in released.indices { released[position].due = min(released[position].due, now) }
        var merged = EventQueue()
        for event in released + queues[index].drain() { merged.append(event) }
        links.remove(at: index)
        queues.remove(at: index + 1)
        queues[index] = merged
    }

    /// Replaces a toxic in place (new attributes), keeping its counters and what it was holding.
    func replace(name: String, with stage: any ToxicStage, at now: NIODeadline) {
        guard let index = links.firstIndex(where: { $0.name == name }) else { return }
        stage.adoptState(from: links[index].stage)
        links[index] = Link(name: name, stage: stage)
        queues[index + 1].removeGenerated()
        for generated in stage.start(at: now) { queues[index + 1].append(generated) }
    }

    /// Runs every event due by `now` through the chain; each stage sees an event at the time it was due, so a late
    /// wake-up does not add latency. Returns the events due at the output, in order.
    func advance(to now: NIODeadline) -> [StreamEvent] {
        var progressed = true
        while progressed {
            progressed = false
            for index in links.indices {
                while let next = queues[index].popDue(by: now) {
                    progressed = true
                    for output in links[index].stage.process(next.event, at: next.due) {
                        queues[index + 1].append(output)
                    }
                }
            }
        }
        var output: [StreamEvent] = []
        while let next = queues[queues.count - 1].popDue(by: now) { output.append(next.event) }
        return output
    }
}
