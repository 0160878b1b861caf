import Chaos
import Synchronization

/// A fault that records its injections and reverts (and can be told to fail), for scheduler tests.
struct RecordingFault: Fault {
    static let name = "recording"
    static let summary = "records inject and revert"

    final class Log: Sendable {
        let entries = Mutex<[String]>([])
        var all: [String] { entries.withLock { $0 } }
        func append(_ entry: String) { entries.withLock { $0.append(entry) } }
    }

    var tag = ""
    var log = Log()
    var failure: FaultError?

    init(parameters: FaultParameters) throws(FaultError) {}

    init(tag: String, log: Log, failure: FaultError? = nil) {
        self.tag = tag
        self.log = log
        self.failure = failure
    }

    func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        if let failure { throw failure }
        log.append("inject \(tag)")
        let (tag, log) = (tag, log)
        return FaultUndo(record: FaultRecord(fault: Self.name, values: ["tag": tag], expiresAt: environment.expiresAt)) {
            log.append("revert \(tag)")
        }
    }
}
