import Foundation

/// How a `loadgen` child process ended and what it wrote.
struct LoadGenOutcome: Sendable, CustomStringConvertible {
    /// The exit code, or the signal number when `killedBySignal`.
    var status: Int32
    var killedBySignal: Bool
    var stdout: String
    var stderr: String
    /// From launch to exit.
    var elapsed: Duration

    /// The exit code of a process that exited by itself; nil if a signal killed it.
    var exitCode: Int32? { killedBySignal ? nil : status }

    /// For failure messages: everything needed to see why a run did not end as expected.
    var description: String {
        let ending = killedBySignal ? "killed by signal \(status)" : "exit code \(status)"
        return "loadgen ended with \(ending) after \(elapsed)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
    }
}
