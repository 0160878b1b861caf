import Foundation
import Synchronization

/// A `targetservice` child process for end-to-end tests: started with arguments, its stdout lines readable with
/// a timeout, and always ended by its PID (SIGKILL on drop if still running).
final class ServiceProcess: Sendable {
    let process: Process
    private let lines: AsyncStream<String>
    private let stderrText = Mutex("")

    init(_ arguments: [String]) throws {
        let executable = Fixture.executable
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
        let buffer = Mutex(Data())
        stdout.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            if chunk.isEmpty {
                handle.readabilityHandler = nil
                continuation.finish()
                return
            }
            let complete: [String] = buffer.withLock { buffer in
                buffer.append(chunk)
                var found: [String] = []
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    found.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                    buffer.removeSubrange(buffer.startIndex...newline)
                }
                return found
            }
            complete.forEach { continuation.yield($0) }
        }
        stderr.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            if chunk.isEmpty { handle.readabilityHandler = nil; return }
            self?.stderrText.withLock { $0 += String(decoding: chunk, as: UTF8.self) }
        }
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    var pid: pid_t { process.processIdentifier }
    var stderr: String { stderrText.withLock { $0 } }

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

    func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the process to exit (at most `limit`) and returns its exit status.
    func exitStatus(limit: Duration = .seconds(20)) async throws -> Int32 {
        try await waitUntil("targetservice to exit", limit: limit) { !self.process.isRunning }
        return process.terminationStatus
    }
}

struct ProcessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
