import ArgumentParser

/// `loadgen`: runs load scenarios against a detection service and judges them against SLAs.
@main
struct LoadGenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loadgen",
        abstract: "Load, performance and chaos tests for an HTTP object-detection service."
    )
}
