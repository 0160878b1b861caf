import ArgumentParser

/// `targetservice`: the bundled detection service and its command-line twin.
@main
struct TargetServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targetservice",
        abstract: "The bundled object-detection service (OpenCV-exact Viola–Jones cascades over HTTP).",
        subcommands: [ServeCommand.self, DetectCommand.self, BackupCommand.self, RestoreCommand.self]
    )
}
