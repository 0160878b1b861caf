import Foundation

/// The regression gate's answer for two stored runs: every judged metric of every phase both ran, and the verdict
/// (`--json FILE` writes this; docs/results.md describes it).
public struct GateReport: Sendable, Codable {
    /// Which run, briefly.
    public struct RunReference: Sendable, Codable, Equatable {
        public var id: Int64
        public var name: String
        public var startedAt: Date

        enum CodingKeys: String, CodingKey {
            case id, name
            case startedAt = "started_at"
        }
    }

    public var schemaVersion: Int
    public var baseline: RunReference
    public var candidate: RunReference
    public var settings: GateSettings
    public var results: [GateMetricResult]
    /// Phases only one run has (shown, never judged).
    public var unmatchedPhases: [String]

    public static let currentSchemaVersion = 1

    /// True unless some metric regressed.
    public var passed: Bool { !results.contains { $0.verdict == .regressed } }
    public var regressions: [GateMetricResult] { results.filter { $0.verdict == .regressed } }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case baseline, candidate, settings, results
        case unmatchedPhases = "unmatched_phases"
        case passed
    }

    public init(baseline: RunReference, candidate: RunReference, settings: GateSettings, results: [GateMetricResult], unmatchedPhases: [String]) {
        schemaVersion = Self.currentSchemaVersion
        self.baseline = baseline
        self.candidate = candidate
        self.settings = settings
        self.results = results
        self.unmatchedPhases = unmatchedPhases
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        baseline = try container.decode(RunReference.self, forKey: .baseline)
        candidate = try container.decode(RunReference.self, forKey: .candidate)
        settings = try container.decode(GateSettings.self, forKey: .settings)
        results = try container.decode([GateMetricResult].self, forKey: .results)
        unmatchedPhases = try container.decode([String].self, forKey: .unmatchedPhases)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(baseline, forKey: .baseline)
        try container.encode(candidate, forKey: .candidate)
        try container.encode(settings, forKey: .settings)
        try container.encode(results, forKey: .results)
        try container.encode(unmatchedPhases, forKey: .unmatchedPhases)
        try container.encode(passed, forKey: .passed)
    }

    /// The encoding `--json FILE` writes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
