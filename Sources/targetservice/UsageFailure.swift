import ArgumentParser
import Foundation

/// Reports a problem with what the user asked for (a file named by an option, not its syntax) without
/// ArgumentParser's usage banner, and exits with the usage status, 64.
func usageFailure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("targetservice: error: \(message)\n".utf8))
    return ExitCode.validationFailure
}
