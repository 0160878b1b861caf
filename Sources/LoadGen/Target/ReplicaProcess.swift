import Foundation
import Subprocess
import Synchronization

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// One running `targetservice serve` child: its PID, the URL it printed first, the tail of its stderr, whether it
/// said its models are loaded, and how it ended.
///
/// Runs under swift-subprocess. `Subprocess.run` owns a child only while its body closure runs, so the closure runs
/// in a task of its own for the child's whole life: it reads stdout and stderr to their end and takes signal
/// requests over a stream. Signals go through `Execution.send`, which uses a pidfd on Linux and so can never hit
/// a recycled PID; `run` reaps the child before the task ends, so "exited" means the PID is gone.
final class ReplicaProcess: Sendable {
    /// How far the child got.
    enum Phase: Sendable, Equatable {
        case launching
        case running(pid: Int32)
        /// `reason` reads like "exit code 64" or "signal 9".
        case exited(pid: Int32?, reason: String)
        case failedToLaunch(String)
    }

    /// The line the service logs once every model is loaded and `/readyz` answers 200 (ModelLoadingService).
    static let readyLogLine = "models loaded"

    /// 1-based, for messages.
    let number: Int
    let dataDirectory: URL
    let stderrTail = OutputTail(capacity: 20)
    private let state = Mutex(State())
    private let signals: AsyncStream<SignalRequest>.Continuation

    private struct SignalRequest: Sendable {
        var number: Int32
        var toProcessGroup: Bool
    }

    private struct State {
        var phase = Phase.launching
        var url: String?
        var controlURL: String?
        var loggedReady = false
    }

    private init(number: Int, dataDirectory: URL, signals: AsyncStream<SignalRequest>.Continuation) {
        self.number = number
        self.dataDirectory = dataDirectory
        self.signals = signals
    }

    /// Starts `executable arguments…` in its own process group, so a Ctrl-C at the terminal reaches only loadgen,
    /// which then stops the load before the replicas (a replica that drained first would fail the last requests).
    static func launch(number: Int, executable: URL, arguments: [String], dataDirectory: URL) -> ReplicaProcess {
        let (stream, continuation) = AsyncStream<SignalRequest>.makeStream(bufferingPolicy: .unbounded)
        let replica = ReplicaProcess(number: number, dataDirectory: dataDirectory, signals: continuation)
        var options = PlatformOptions()
        options.processGroupID = 0
        let configuration = Configuration(
            executable: .path(FilePath(executable.path)),
            arguments: Arguments(arguments),
            platformOptions: options
        )
        Task.detached {
            do {
                let result = try await Subprocess.run(configuration, input: .none, output: .sequence, error: .sequence) {
                    execution in
                    replica.update { $0.phase = .running(pid: execution.processIdentifier.value) }
                    await withTaskGroup(of: Void.self) { group in
                        group.addTask { await replica.readStandardOutput(execution.standardOutput) }
                        group.addTask { await replica.readStandardError(execution.standardError) }
                        group.addTask {
                            for await request in stream {
                                try? execution.send(
                                    signal: Signal(rawValue: request.number), toProcessGroup: request.toProcessGroup)
                            }
                        }
                        // Both output streams end when the child exits; then stop listening for signals.
                        await group.next()
                        await group.next()
                        group.cancelAll()
                    }
                }
                let reason =
                    switch result.terminationStatus {
                    case .exited(let code): "exit code \(code)"
                    case .signaled(let signal): "signal \(signal)"
                    }
                replica.update { $0.phase = .exited(pid: result.processIdentifier.value, reason: reason) }
            } catch {
                replica.update { $0.phase = .failedToLaunch("\(error)") }
            }
            continuation.finish()
        }
        return replica
    }

    var phase: Phase { state.withLock { $0.phase } }
    /// The address the child printed as its first stdout line, once it has.
    var url: String? { state.withLock { $0.url } }
    var loggedReady: Bool { state.withLock { $0.loggedReady } }
    /// This replica's own address (`serve --control-port 0`, logged as "control listener on URL"): unlike the
    /// shared port, a connection to it always reaches this process.
    var controlURL: String? { state.withLock { $0.controlURL } }

    /// The log line announcing the control listener; the URL follows it to the end of the word.
    static let controlLogPrefix = "control listener on "

    /// The child's PID once launched; kept after it exits, so callers can check it is really gone.
    var processID: Int32? {
        switch phase {
        case .running(let pid): pid
        case .exited(let pid, _): pid
        case .launching, .failedToLaunch: nil
        }
    }

    var hasEnded: Bool {
        switch phase {
        case .exited, .failedToLaunch: true
        case .launching, .running: false
        }
    }

    /// Asks the child to act on `signal`; ignored once it has ended. `toProcessGroup` reaches anything the child
    /// started too (it leads its own group), which matters for SIGKILL: a surviving grandchild would keep the
    /// output pipes open, and the child would never count as ended.
    func send(_ signal: Int32, toProcessGroup: Bool = false) {
        if !hasEnded { signals.yield(SignalRequest(number: signal, toProcessGroup: toProcessGroup)) }
    }

    private func update(_ body: (inout State) -> Void) {
        state.withLock { body(&$0) }
    }

    private func readStandardOutput(_ output: SubprocessOutputSequence) async {
        do {
            for try await line in output.strings() where url == nil {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { update { $0.url = trimmed } }
            }
        } catch {
            stderrTail.append("(loadgen: reading the replica's stdout failed: \(error))")
        }
    }

    private func readStandardError(_ output: SubprocessOutputSequence) async {
        do {
            for try await line in output.strings() {
                stderrTail.append(line)
                if line.contains(Self.readyLogLine) { update { $0.loggedReady = true } }
                if let range = line.range(of: Self.controlLogPrefix) {
                    let url = line[range.upperBound...].prefix { !$0.isWhitespace }
                    update { $0.controlURL = String(url) }
                }
            }
        } catch {
            stderrTail.append("(loadgen: reading the replica's stderr failed: \(error))")
        }
    }
}
