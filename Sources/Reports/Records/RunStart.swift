import Foundation

/// What the runner knows when a run begins; `ResultsStore.beginRun` stores it as a `running` run.
public struct RunStart: Sendable, Equatable {
    public var name: String
    public var description: String
    /// The scenario file as given on the command line.
    public var scenarioFile: String
    /// The scenario file's full text, so a stored run can be understood without the file.
    public var scenarioText: String
    /// The target URL, or a description such as `bundled (2 replicas)`.
    public var target: String
    public var gitRevision: String?
    public var host: String
    public var commandLine: String
    public var startedAt: Date
    /// Factor every phase duration was multiplied by (1 unless the run was shortened, e.g. for CI).
    public var durationScale: Double
    /// The process writing the run: a later open marks the run `aborted` only once this process is gone, so runs
    /// going on at the same time in other processes are left alone.
    public var processID: Int32
    /// What load the run applies, one line per phase and request (`LoadFingerprint`), so the gate can refuse to
    /// compare unlike runs.
    public var loadFingerprint: String?
    /// `K/N` when the run is one segment of a scenario split across N generators; nil for a whole run.
    public var segment: String?

    public init(
        name: String, description: String = "", scenarioFile: String, scenarioText: String, target: String,
        gitRevision: String? = nil, host: String, commandLine: String, startedAt: Date, durationScale: Double = 1,
        processID: Int32 = ProcessInfo.processInfo.processIdentifier, loadFingerprint: String? = nil, segment: String? = nil
    ) {
        self.segment = segment
        self.name = name
        self.description = description
        self.scenarioFile = scenarioFile
        self.scenarioText = scenarioText
        self.target = target
        self.gitRevision = gitRevision
        self.host = host
        self.commandLine = commandLine
        self.startedAt = startedAt
        self.durationScale = durationScale
        self.processID = processID
        self.loadFingerprint = loadFingerprint
    }
}
