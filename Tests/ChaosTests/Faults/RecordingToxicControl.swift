import Chaos
import Synchronization

/// A `ToxicControl` that records what network faults ask of the proxy.
final class RecordingToxicControl: ToxicControl {
    enum Call: Equatable {
        case add(Toxic)
        case remove(String)
        case enabled(Bool)
    }

    private let log = Mutex<[Call]>([])
    var calls: [Call] { log.withLock { $0 } }

    func addToxic(_ toxic: Toxic) async throws(FaultError) { log.withLock { $0.append(.add(toxic)) } }
    func removeToxic(named name: String) async { log.withLock { $0.append(.remove(name)) } }
    func setEnabled(_ enabled: Bool) async { log.withLock { $0.append(.enabled(enabled)) } }
}
