import Chaos
import Foundation
import Synchronization

/// A `ReplicaControl` over plain child processes (`sleep 300`) the test starts, so server faults act on real
/// processes without starting the service. `stopAll` kills and reaps them; every test calls it. The children outlive
/// any test by far: with the whole suite running, a test can wait tens of seconds for a thread, and a child that
/// exited on its own (30 s, before) read as a replica that was never there.
final class ChildProcessReplicas: ReplicaControl {
    private let processes: [Process]
    private let directories: [URL]
    let restarts = Mutex<[Int]>([])

    init(count: Int, dataDirectories: [URL] = []) throws {
        processes = try (0..<count).map { _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sleep")
            process.arguments = ["300"]
            try process.run()
            return process
        }
        directories = dataDirectories
    }

    var replicaCount: Int { processes.count }

    func processID(ofReplica number: Int) -> Int32? {
        let process = processes[number - 1]
        return process.isRunning ? process.processIdentifier : nil
    }

    func dataDirectory(ofReplica number: Int) -> URL { directories[number - 1] }

    func send(_ signal: Int32, toReplica number: Int) {
        let process = processes[number - 1]
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    func restart(replica number: Int, timeout: Duration) async throws {
        restarts.withLock { $0.append(number) }
    }

    /// Kills and reaps every child (SIGCONT first, so a frozen one is not left stopped if the kill fails).
    func stopAll() {
        for process in processes where process.isRunning {
            kill(process.processIdentifier, SIGCONT)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
