import Foundation
import GRDB

/// One row of `runs`: a stored run, as reports read it.
public struct RunRecord: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "runs"

    public var id: Int64?
    public var name: String
    public var description: String
    public var scenarioFile: String
    public var scenarioText: String
    public var target: String
    public var gitRevision: String?
    public var host: String
    public var commandLine: String
    public var startedAt: Date
    /// Nil while the run is `running` (or if it was killed and later marked `aborted`).
    public var endedAt: Date?
    public var status: RunStatus
    /// The process exit code; nil until the run finished.
    public var exitCode: Int32?
    public var durationScale: Double
    /// The process that wrote the run (nil for runs stored before schema v3).
    public var processID: Int32?
    /// What load the run applied (`LoadFingerprint`); nil for runs stored before schema v6.
    public var loadFingerprint: String?
    /// `K/N` for one segment of a split run (`--segment`); nil for a whole run and for runs stored before schema v7.
    public var segment: String?

    enum CodingKeys: String, CodingKey {
        case id, name, description
        case scenarioFile = "scenario_file"
        case scenarioText = "scenario_text"
        case target
        case gitRevision = "git_revision"
        case host
        case commandLine = "command_line"
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case status
        case exitCode = "exit_code"
        case durationScale = "duration_scale"
        case processID = "pid"
        case loadFingerprint = "load_fingerprint"
        case segment
    }

    init(start: RunStart) {
        id = nil
        name = start.name
        description = start.description
        scenarioFile = start.scenarioFile
        scenarioText = start.scenarioText
        target = start.target
        gitRevision = start.gitRevision
        host = start.host
        commandLine = start.commandLine
        startedAt = start.startedAt
        endedAt = nil
        status = .running
        exitCode = nil
        durationScale = start.durationScale
        processID = start.processID
        loadFingerprint = start.loadFingerprint
        segment = start.segment
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
