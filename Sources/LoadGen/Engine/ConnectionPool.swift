/// A loop's bookkeeping of its connections: every open one, the idle ones ready for a request, and the connects in
/// progress. Capped in total (the loop's share of `max_connections`) and in concurrent connects: when the target
/// stalls for a moment, opening a connection for every request that finds all connections busy turned a 10 ms stall
/// into a storm of hundreds of connects that kept the loop late for longer than the stall itself.
struct ConnectionPool<Member: AnyObject> {
    /// Connects that may be in progress at once.
    static var maxConcurrentConnects: Int { 4 }

    let capacity: Int
    private(set) var open: [ObjectIdentifier: Member] = [:]
    private var idle: [Member] = []
    private(set) var connecting = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Whether another connection may be opened now.
    var canOpen: Bool { open.count < capacity && connecting < Self.maxConcurrentConnects }
    var isEmpty: Bool { open.isEmpty }
    var members: Dictionary<ObjectIdentifier, Member>.Values { open.values }

    /// A connection is being opened: it counts against the cap from now on.
    mutating func connectStarted(_ member: Member) {
        open[ObjectIdentifier(member)] = member
        connecting += 1
    }

    /// Its connect finished, either way (a failed one is then `remove`d).
    mutating func connectEnded() { connecting -= 1 }

    /// The most recently freed idle connection, taken.
    mutating func takeIdle() -> Member? { idle.popLast() }

    /// `member` is free for the next request.
    mutating func makeIdle(_ member: Member) { idle.append(member) }

    /// `member` closed or failed: it leaves the pool and the idle list.
    mutating func remove(_ member: Member) {
        open[ObjectIdentifier(member)] = nil
        if let index = idle.firstIndex(where: { $0 === member }) { idle.remove(at: index) }
    }

    /// Every idle connection, taken (the run is ending: they are closed).
    mutating func takeAllIdle() -> [Member] {
        defer { idle.removeAll() }
        return idle
    }
}
