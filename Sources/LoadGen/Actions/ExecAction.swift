import Foundation
import Synchronization

/// `exec`: runs a program (no shell) in the scenario's directory, with a timeout, and expects an exit code. The
/// last lines of its combined stdout and stderr are kept in the event either way. With `switches_to`, the run is a
/// model switch window (`switch_started_ms` → `switch_answered_ms`, `version`), as `model.activate` records one.
struct ExecAction: ScenarioAction {
    let spec: ExecSpec

    /// Lines of output kept in the event.
    static let tailLines = 10

    func perform(in context: ActionContext) async throws(ActionFailure) -> [String: String] {
        var detail = ["command": ([spec.command] + spec.arguments).joined(separator: " ")]
        if spec.switchesTo != nil { detail["switch_started_ms"] = "\(context.elapsedMilliseconds)" }
        let outcome = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<(Int32, Bool, String), ActionFailure>, Never>) in
            DispatchQueue.global().async { continuation.resume(returning: run(in: context.workingDirectory)) }
        }
        let (code, timedOut, output): (Int32, Bool, String)
        switch outcome {
        case .success(let value): (code, timedOut, output) = value
        case .failure(let failure): throw ActionFailure(failure.message, detail: detail)
        }
        detail["exit_code"] = "\(code)"
        detail["output_tail"] = output
        if let version = spec.switchesTo {
            detail["switch_answered_ms"] = "\(context.elapsedMilliseconds)"
            detail["version"] = version
        }
        if timedOut {
            throw ActionFailure("\(spec.command) did not finish within \(spec.timeout) and was stopped", detail: detail)
        }
        guard code == spec.expectExitCode else {
            throw ActionFailure("\(spec.command) exited with \(code), expected \(spec.expectExitCode)", detail: detail)
        }
        return detail
    }

    /// Blocking: runs the process to its end (terminated at the timeout) and returns exit code, timeout flag, tail.
    private func run(in directory: URL) -> Result<(Int32, Bool, String), ActionFailure> {
        let process = Process()
        process.executableURL =
            spec.command.contains("/")
            ? URL(fileURLWithPath: spec.command, relativeTo: directory) : URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = spec.command.contains("/") ? spec.arguments : [spec.command] + spec.arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(ActionFailure("cannot start \(spec.command): \(error.localizedDescription)"))
        }
        let timedOut = Flag()
        let processID = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(spec.timeout.milliseconds))) {
            guard process.isRunning else { return }
            timedOut.set()
            kill(processID, SIGTERM)
            // A child may inherit SIGTERM blocked (signal masks survive exec); it cannot block SIGKILL.
            DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(2)) {
                if process.isRunning { kill(processID, SIGKILL) }
            }
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let tail = lines.suffix(Self.tailLines + 1).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return .success((process.terminationStatus, timedOut.isSet, tail))
    }
}

/// A thread-safe one-way switch.
private final class Flag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
