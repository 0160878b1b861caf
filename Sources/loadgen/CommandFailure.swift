/// A failure a subcommand reports itself: the message for stderr and the exit code it maps to.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    /// 2 usage (unknown run or tag, missing database file), 3 the database cannot be opened or read.
    let exitCode: Int32

    static func usage(_ message: String) -> CommandFailure { CommandFailure(description: message, exitCode: 2) }
    static func cannotRead(_ message: String) -> CommandFailure { CommandFailure(description: message, exitCode: 3) }
}
