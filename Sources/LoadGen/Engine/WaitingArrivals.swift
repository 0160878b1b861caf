/// Open-model arrivals waiting for a free connection, oldest first. The head moves instead of the array shifting on
/// every pop (the queue is on the hot path when the target is slow); it is compacted once the dead prefix dominates.
struct WaitingArrivals {
    private var queue: [Connection.InFlight] = []
    private var head = 0

    var isEmpty: Bool { head == queue.count }
    var count: Int { queue.count - head }

    mutating func append(_ arrival: Connection.InFlight) { queue.append(arrival) }

    /// The oldest waiting arrival, removed.
    mutating func popOldest() -> Connection.InFlight? {
        guard head < queue.count else { return nil }
        let oldest = queue[head]
        head += 1
        compact()
        return oldest
    }

    /// Removes the arrivals that are more than `limit` ns past their intended send time at `now` (max_send_delay),
    /// oldest first, handing each to `dropped`. An arrival intended in the future is never late.
    mutating func removeLate(now: UInt64, limit: UInt64, _ dropped: (Connection.InFlight) -> Void) {
        while head < queue.count, queue[head].intended < now, now &- queue[head].intended > limit {
            dropped(queue[head])
            head += 1
        }
        compact()
    }

    /// Removes every waiting arrival, oldest first, handing each to `dropped`.
    mutating func removeAll(_ dropped: (Connection.InFlight) -> Void) {
        for arrival in queue[head...] { dropped(arrival) }
        queue.removeAll(keepingCapacity: true)
        head = 0
    }

    private mutating func compact() {
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024, head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
    }
}
