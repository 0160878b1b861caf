/// A closed-model user: one connection of its own, one request at a time, `think` between them (k6's VU).
final class VirtualUser: @unchecked Sendable {  // confined to its LoopWorker's event loop
    let index: Int
    var connection: Connection?
    /// Wanted by the current phase; an inactive user finishes its request in flight and then rests.
    var isActive = false
    /// A send is scheduled or in flight, so activation must not start a second chain.
    var isBusy = false

    init(index: Int) {
        self.index = index
    }
}
