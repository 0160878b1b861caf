import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `loadgen` executable running as a child process of the test, with stdout and stderr going to files
/// (no pipe can fill up and stall it). Every wait on it is bounded: past its limit the process, and any
/// `targetservice` replicas it started, are killed and the test fails with what loadgen had written.
final class LoadGenProcess: Sendable {
    /// Raised when the binary is missing, or a run outlived its time limit.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let pid: Int32
    private let outputFiles: (stdout: URL, stderr: URL)
    private let launchedAt: ContinuousClock.Instant
    private let exitState: NIOLockedValueBox<ExitState>
    // Kept so Foundation keeps monitoring the child; its end is read through `exitState`.
    private let process: Process

    private struct ExitState: Sendable {
        var ending: (status: Int32, bySignal: Bool, at: ContinuousClock.Instant)?
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private init(
        process: Process, pid: Int32, outputFiles: (stdout: URL, stderr: URL), launchedAt: ContinuousClock.Instant,
        exitState: NIOLockedValueBox<ExitState>
    ) {
        self.process = process
        self.pid = pid
        self.outputFiles = outputFiles
        self.launchedAt = launchedAt
        self.exitState = exitState
    }

    /// Starts `loadgen arguments…` with `directory` as its working directory (and home of its output files), with
    /// `environment` added to the test's own.
    static func launch(
        _ arguments: [String], in directory: URL, environment extra: [String: String] = [:]
    ) throws -> LoadGenProcess {
        let executable = PackageLayout.loadgen
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw Failure(
                description: """
                    the loadgen executable is missing at \(executable.path); run `swift build --build-tests` in the \
                    package root first (end-to-end tests run the real binary)
                    """)
        }
        let name = "loadgen-\(UUID().uuidString.prefix(8))"
        let stdoutFile = directory.appendingPathComponent("\(name).stdout")
        let stderrFile = directory.appendingPathComponent("\(name).stderr")
        try Data().write(to: stdoutFile)
        try Data().write(to: stderrFile)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        // Bundled targets must use the targetservice built next to loadgen, whatever the caller's shell exports.
        environment.removeValue(forKey: "LOADGEN_TARGETSERVICE")
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)

        let exitState = NIOLockedValueBox(ExitState())
        process.terminationHandler = { ended in
            let bySignal = ended.terminationReason == .uncaughtSignal
            let waiters = exitState.withLockedValue { state in
                state.ending = (ended.terminationStatus, bySignal, .now)
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
        let launchedAt = ContinuousClock.now
        try process.run()
        return LoadGenProcess(
            process: process, pid: process.processIdentifier, outputFiles: (stdoutFile, stderrFile),
            launchedAt: launchedAt, exitState: exitState)
    }

    /// Runs loadgen to its end, killing it (and its replicas) if it takes longer than `limit`.
    static func run(
        _ arguments: [String], in directory: URL, within limit: Duration = .seconds(30), environment: [String: String] = [:]
    ) async throws -> LoadGenOutcome {
        try await launch(arguments, in: directory, environment: environment).waitForExit(within: limit)
    }

    var hasExited: Bool { exitState.withLockedValue { $0.ending != nil } }

    /// Sends `signal` to loadgen alone (its replicas run in process groups of their own).
    func send(_ signal: Int32) {
        guard !hasExited else { return }
        _ = kill(pid, signal)
    }

    /// Waits for the exit; past `limit`, kills loadgen's replicas and loadgen with SIGKILL and throws.
    func waitForExit(within limit: Duration) async throws -> LoadGenOutcome {
        let exitedInTime = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await self.exited()
                return true
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return false
            }
            let first = await group.next() ?? false
            if !first { killEverything() }
            group.cancelAll()
            // The exit task ends too: SIGKILL cannot be refused.
            await group.waitForAll()
            return first
        }
        let outcome = self.outcome()
        guard exitedInTime else {
            throw Failure(description: "loadgen did not exit within \(limit) and was killed; \(outcome)")
        }
        return outcome
    }

    /// Runs `body`; if it throws, kills loadgen and its replicas before rethrowing, so a failed test leaves
    /// nothing running.
    func killingOnFailure<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            killEverything()
            _ = try? await waitForExit(within: .seconds(10))
            throw error
        }
    }

    /// What loadgen wrote so far (all of it once it has exited).
    func outcome() -> LoadGenOutcome {
        let ending = exitState.withLockedValue { $0.ending }
        let read = { (url: URL) in (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
        return LoadGenOutcome(
            status: ending?.status ?? -1, killedBySignal: ending?.bySignal ?? false,
            stdout: read(outputFiles.stdout), stderr: read(outputFiles.stderr),
            elapsed: (ending?.at ?? .now) - launchedAt)
    }

    private func exited() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let alreadyExited = exitState.withLockedValue { state in
                if state.ending != nil { return true }
                state.waiters.append(continuation)
                return false
            }
            if alreadyExited { continuation.resume() }
        }
    }

    /// A test that gave up must not leave replicas behind: they run in their own process groups, so each group
    /// is killed, then loadgen.
    private func killEverything() {
        for replica in ProcessTable.children(of: pid, named: "targetservice") {
            _ = kill(-replica, SIGKILL)
            _ = kill(replica, SIGKILL)
        }
        _ = kill(pid, SIGKILL)
    }
}
