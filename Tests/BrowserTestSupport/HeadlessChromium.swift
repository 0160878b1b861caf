import Foundation

/// Debian's `chromium`, run headless on a local HTML file: the DOM after scripts ran, the page's console messages
/// (uncaught errors included) and a screenshot. Used to prove a generated report or page renders in a real browser.
public struct HeadlessChromium: Sendable {
    /// What one page load produced.
    public struct PageLoad: Sendable {
        /// The serialised DOM after the page's scripts ran.
        public var dom: String
        /// Every console message the page logged, as Chromium prints them (`"text", source: file://... (line)`).
        public var consoleMessages: [String]
        public var screenshot: URL
    }

    /// The browser could not be found, did not finish, or failed; the description says what to do.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    public let executable: URL

    /// Finds the browser on PATH; when it is missing the error says how to install it.
    public static func require() throws -> HeadlessChromium {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return HeadlessChromium(executable: candidate) }
            }
        }
        throw Failure(
            description: """
                chromium is not installed, so the page was NOT checked in a browser. \
                Install it with `make setup` (Debian package `chromium`) and run the tests again.
                """)
    }

    /// Loads `page` and writes a screenshot to `screenshot`; kills the browser after `timeout` seconds. The browser
    /// is waited for on a thread of its own: blocking a concurrency-pool thread for seconds would stall every other
    /// test running at the same time.
    public func load(
        _ page: URL, screenshot: URL, width: Int = 1100, height: Int = 1400, timeout: TimeInterval = 90
    ) async throws -> PageLoad {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            // The page is our own local file; the sandbox needs user namespaces that CI containers (root) lack.
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
            "--window-size=\(width),\(height)", "--screenshot=\(screenshot.path)", "--dump-dom", page.absoluteString,
        ]
        let (out, err) = try await ChildProcess.runOnThread(
            process, timeout: timeout, what: "chromium loading \(page.lastPathComponent)")
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "chromium exited with \(process.terminationStatus) loading \(page.path):\n\(err.suffix(2000))")
        }
        let console = err.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map { line in
            line.range(of: "] ").map { String(line[$0.upperBound...]) } ?? String(line)
        }
        return PageLoad(dom: out, consoleMessages: console, screenshot: screenshot)
    }
}

/// Runs a child process to completion with both pipes drained, killing it by PID when it overruns.
public enum ChildProcess {
    public static func run(_ process: Process, timeout: TimeInterval, what: String) throws -> (stdout: String, stderr: String) {
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the process runs: a full pipe would block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data()
        nonisolated(unsafe) var err = Data()
        DispatchQueue.global().async(group: group) { out = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { err = stderr.fileHandleForReading.readDataToEndOfFile() }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            throw HeadlessChromium.Failure(description: "\(what) did not finish within \(Int(timeout)) s")
        }
        process.waitUntilExit()
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// `run` on a new thread, awaited.
    public static func runOnThread(
        _ process: Process, timeout: TimeInterval, what: String
    ) async throws -> (stdout: String, stderr: String) {
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try run(process, timeout: timeout, what: what) })
            }
        }
    }
}
