import Foundation
import Synchronization

/// A `targetservice` child process for end-to-end tests: started with arguments, its stdout lines readable with
/// a timeout, and always ended by its PID (SIGKILL on drop if still running).
final class ServiceProcess: Sendable {
    let process: Process
    private let lines: AsyncStream<String>
    private let stderrText = SharedText()

    init(_ arguments: [String]) throws {
        let executable = Fixtures.executable
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw ProcessError("no targetservice executable at \(executable.path); run `swift build --build-tests` first")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let (lines, continuation) = AsyncStream<String>.makeStream()
        self.lines = lines
        self.process = process
        // Plain blocking reads on threads of their own: FileHandle's readabilityHandler rides on dispatch sources,
        // which have crashed at process exit on Linux.
        Self.readLines(stdout.fileHandleForReading) { line in
            if let line { continuation.yield(line) } else { continuation.finish() }
        }
        let stderrText = self.stderrText
        Self.readLines(stderr.fileHandleForReading) { line in
            stderrText.withLock { state in
                if let line { state.text += line + "\n" } else { state.closed = true }
            }
        }
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    var pid: pid_t { process.processIdentifier }
    /// What the process has written to stderr so far.
    var stderr: String { stderrText.withLock { $0.text } }

    /// Everything the process wrote to stderr, once it has closed it (normally: exited).
    func fullStderr(limit: Duration = .seconds(20)) async throws -> String {
        let stderrText = self.stderrText
        try await waitUntil("targetservice to close stderr", within: limit, every: .milliseconds(10)) {
            stderrText.withLock { $0.closed }
        }
        return stderr
    }

    /// Calls `onLine` with each line read from `handle`, then with nil at end of file.
    private static func readLines(_ handle: FileHandle, _ onLine: @escaping @Sendable (String?) -> Void) {
        Thread.detachNewThread {
            var pending = Data()
            while case let chunk = handle.availableData, !chunk.isEmpty {
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    onLine(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending.removeSubrange(pending.startIndex...newline)
                }
            }
            if !pending.isEmpty { onLine(String(decoding: pending, as: UTF8.self)) }
            onLine(nil)
        }
    }

    /// The next line on stdout, waiting at most `limit`.
    func nextLine(limit: Duration = .seconds(20)) async throws -> String {
        let lines = self.lines
        return try await withTimeout(limit, "a line on stdout of targetservice") {
            var iterator = lines.makeAsyncIterator()
            guard let line = await iterator.next() else { throw ProcessError("stdout closed; stderr: \(self.stderr)") }
            return line
        }
    }

    /// Every remaining stdout line until the process closes it, waiting at most `limit`.
    func remainingLines(limit: Duration = .seconds(60)) async throws -> [String] {
        let lines = self.lines
        return try await withTimeout(limit, "targetservice to close stdout") {
            var all: [String] = []
            for await line in lines { all.append(line) }
            return all
        }
    }

    /// Sends `signal` to the process if it is still running (never to a PID that may have been reused).
    func signal(_ signal: Int32) {
        if process.isRunning { kill(pid, signal) }
    }

    /// Waits for the process to exit (at most `limit`) and returns its exit status.
    func exitStatus(limit: Duration = .seconds(20)) async throws -> Int32 {
        try await waitUntil("targetservice to exit", within: limit, every: .milliseconds(10)) { !self.process.isRunning }
        return process.terminationStatus
    }
}

/// Text appended from one thread and read from another.
final class SharedText: Sendable {
    struct State {
        var text = ""
        var closed = false
    }

    private let state = Mutex(State())
    func withLock<T: Sendable>(_ body: (inout State) -> T) -> T { state.withLock { body(&$0) } }
}

struct ProcessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
