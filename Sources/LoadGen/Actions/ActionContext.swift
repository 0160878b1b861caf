import Foundation
import Synchronization

/// What actions share during one run: the bundled replicas (if loadgen started them), the environment for
/// tokens, the scenario's directory, the run's clock, and the versions earlier uploads got.
public final class ActionContext: Sendable {
    let replicas: BundledReplicas?
    let environment: [String: String]
    /// `exec` runs here: the scenario file's directory.
    let workingDirectory: URL
    /// Monotonic nanoseconds (NIODeadline uptime) at which the run's timeline starts.
    let runStart: UInt64
    /// The disaster-recovery drill, when the scenario has `recovery:`; `disaster` and `restore` report to it.
    let recovery: RecoveryDrill?
    /// Where the load goes (`http://127.0.0.1:PORT`, the fault proxy's address when there is one); `http` actions
    /// and probes whose url is a path go there.
    let targetURL: String?
    /// Model name → the version each replica (bundled slot order) or the one endpoint gave the latest upload.
    private let uploads = Mutex<[String: [Int]]>([:])

    public init(
        replicas: BundledReplicas?, environment: [String: String], workingDirectory: URL, runStart: UInt64,
        recovery: RecoveryDrill? = nil,
        targetURL: String? = nil
    ) {
        self.replicas = replicas
        self.targetURL = targetURL
        self.recovery = recovery
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.runStart = runStart
    }

    func recordUpload(model: String, versions: [Int]) {
        uploads.withLock { $0[model] = versions }
    }

    func uploadedVersions(of model: String) -> [Int]? {
        uploads.withLock { $0[model] }
    }

    /// Milliseconds since the run's start, as stored events count time.
    var elapsedMilliseconds: Int64 { RunClock(runStart: runStart).nowMs }
}
