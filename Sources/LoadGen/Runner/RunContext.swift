import Foundation

/// Facts about where a run happens, stored with it so a report says what was tested from where.
enum RunContext {
    static var hostName: String { ProcessInfo.processInfo.hostName }

    /// The revision under test: what CI systems export, else `git rev-parse` in the scenario's directory.
    static func gitRevision(near directory: URL, environment: [String: String]) -> String? {
        for key in ["LOADGEN_GIT_REVISION", "GIT_COMMIT", "GITHUB_SHA", "CI_COMMIT_SHA"] {
            if let value = environment[key], !value.isEmpty { return value }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path, "rev-parse", "--short=12", "HEAD"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let revision = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return revision.isEmpty ? nil : revision
    }
}
