import Chaos
import Synchronization

/// A fault whose injection waits until the test opens its gate, to catch `revertAll` during an injection.
struct SlowFault: Fault {
    static let name = "slow"
    static let summary = "injects once its gate opens"

    final class Gate: Sendable {
        private let state = Mutex<(waiting: Bool, open: Bool)>((false, false))
        var isWaiting: Bool { state.withLock { $0.waiting } }
        var isOpen: Bool { state.withLock { $0.open } }
        func arrive() { state.withLock { $0.waiting = true } }
        func open() { state.withLock { $0.open = true } }
    }

    let gate: Gate
    let log: RecordingFault.Log

    init(parameters: FaultParameters) throws(FaultError) { throw FaultError(.invalidParameter, "test only") }

    init(gate: Gate, log: RecordingFault.Log) {
        self.gate = gate
        self.log = log
    }

    func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        gate.arrive()
        // Bounded: a test that never opens the gate fails on its own expectations, not by hanging.
        _ = await eventually(timeout: .seconds(10)) { gate.isOpen }
        log.append("inject slow")
        let log = log
        return FaultUndo(record: FaultRecord(fault: Self.name, expiresAt: environment.expiresAt)) { log.append("revert slow") }
    }
}
