import ArgumentParser
import Foundation

/// `loadgen`: runs load scenarios against a detection service and judges them against SLAs.
@main
struct LoadGenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loadgen",
        abstract: "Load, performance and chaos tests for an HTTP object-detection service.",
        subcommands: [
            RunCommand.self, SuiteCommand.self, RunsCommand.self, ReportCommand.self, CompareCommand.self, TagCommand.self,
            GateCommand.self, ABCommand.self, MergeCommand.self, ChaosCommand.self, ProxyCommand.self,
        ]
    )

    /// Usage errors exit with 2, like an invalid scenario, so CI can tell "fix the command" from "SLA breached" (1).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("loadgen: \(failure)\n".utf8))
            Foundation.exit(failure.exitCode)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
