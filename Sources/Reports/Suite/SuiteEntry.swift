/// One scenario of a `loadgen suite` run, as the suite's index page lists it.
public struct SuiteEntry: Sendable, Equatable {
    public var scenarioFile: String
    /// The scenario's name, or the file name if it never started.
    public var name: String
    public var runID: Int64?
    public var exitCode: Int32
    /// The run's report, relative to the index page; nil when no report was written.
    public var reportPath: String?
    /// Why it could not run, or was cut short.
    public var message: String?

    public init(scenarioFile: String, name: String, runID: Int64?, exitCode: Int32, reportPath: String?, message: String? = nil) {
        self.scenarioFile = scenarioFile
        self.name = name
        self.runID = runID
        self.exitCode = exitCode
        self.reportPath = reportPath
        self.message = message
    }

    /// The verdict in words, from the exit code `loadgen run` would have ended with.
    public var verdict: String {
        switch exitCode {
        case 0: "passed"
        case 1: "SLA breached"
        case 2: "invalid"
        case 3: "could not run"
        case 130: "interrupted"
        default: "exit \(exitCode)"
        }
    }
}
