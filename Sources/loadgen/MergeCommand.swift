import ArgumentParser
import Foundation
import LoadGen

/// `loadgen merge RESULTS...`: the segments of one split run (`loadgen run --segment K/N`) as one stored run.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the runs of a scenario's segments into one run, judged against its SLAs as a whole.",
        discussion: """
            Inputs are result databases, or directories of them (*.sqlite), each holding one segment's run. Exit codes \
            as for loadgen run: 0 every SLA met; 1 an SLA breached or a segment stopped early; 2 the inputs are not \
            the segments of one run (different scenarios or N, a segment twice or missing without --partial); 3 an \
            input or the output cannot be read or written. See docs/distributed.md.
            """
    )

    @Argument(help: "Result databases of the segments, or directories of them.")
    var results: [String]

    @OptionGroup var output: RunOutputOptions

    @Flag(help: "Merge even when segments are missing; the run is marked partial.")
    var partial = false

    func run() throws {
        var options = MergeOptions(inputs: results)
        options.databasePath = output.db
        options.reportPath = output.report
        options.jsonPath = output.json
        options.junitPath = output.junit
        options.partial = partial
        let result = MergeRunner.run(options)
        if !result.summary.isEmpty { print(result.summary, terminator: "") }
        if let message = result.message { FileHandle.standardError.write(Data("loadgen: \(message)\n".utf8)) }
        if result.exitCode != .passed { throw ExitCode(result.exitCode.rawValue) }
    }
}
