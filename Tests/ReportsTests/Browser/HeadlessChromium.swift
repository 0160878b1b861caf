import Foundation

/// Debian's `chromium`, run headless on a local HTML file: the DOM after scripts ran, the page's console messages
/// (uncaught errors included) and a screenshot. Used to prove a generated report renders in a real browser.
struct HeadlessChromium {
    /// What one page load produced.
    struct PageLoad {
        /// The serialised DOM after the page's scripts ran.
        var dom: String
        /// Every console message the page logged, as Chromium prints them (`"text", source: file://... (line)`).
        var consoleMessages: [String]
        var screenshot: URL
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let executable: URL

    /// Finds the browser on PATH. Nil means it is not installed — `make setup` installs it (Debian package `chromium`).
    static func find() -> HeadlessChromium? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return HeadlessChromium(executable: candidate) }
            }
        }
        return nil
    }

    /// Loads `page` and writes a screenshot to `screenshot`. Gives up (and kills the browser) after `timeout` seconds.
    func load(_ page: URL, screenshot: URL, width: Int = 1280, height: Int = 4000, timeout: TimeInterval = 90) throws -> PageLoad {
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
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the browser runs: a full pipe would block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data()
        nonisolated(unsafe) var err = Data()
        DispatchQueue.global().async(group: group) { out = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { err = stderr.fileHandleForReading.readDataToEndOfFile() }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            throw Failure(description: "chromium did not finish loading \(page.path) within \(Int(timeout)) s")
        }
        process.waitUntilExit()
        let log = String(decoding: err, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "chromium exited with \(process.terminationStatus) loading \(page.path):\n\(log.suffix(2000))")
        }
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map { line in
            line.range(of: "] ").map { String(line[$0.upperBound...]) } ?? String(line)
        }
        return PageLoad(dom: String(decoding: out, as: UTF8.self), consoleMessages: console, screenshot: screenshot)
    }
}
