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

    /// How the runs were compared; each has its own statistics (docs/results.md, "Regression gate").
    public enum Method: String, Sendable, Codable {
        /// One baseline run: a block bootstrap over each run's seconds; drift between runs is left to the margin.
        case bootstrap
        /// Several baseline runs of one build: their spread is the between-run noise (`HistoryStatistics`).
        case history
        /// Alternating slices of both builds in one session, judged by paired differences (`PairedStatistics`).
        case interleaved
    }

    public var schemaVersion: Int
    public var method: Method
    /// The newest baseline and candidate run.
    public var baseline: RunReference
    public var candidate: RunReference
    /// Every run each side rests on, oldest first (one for a plain gate, the history, or every slice).
    public var baselineRuns: [RunReference]
    public var candidateRuns: [RunReference]
    public var settings: GateSettings
    public var results: [GateMetricResult]
    /// Phases only one run has (shown, never judged).
    public var unmatchedPhases: [String]
    /// What the verdict cannot see and what to do about it (e.g. a single baseline run's unknown between-run noise).
    public var notes: [String]

    public static let currentSchemaVersion = 2

    /// True unless some metric regressed.
    public var passed: Bool { !results.contains { $0.verdict == .regressed } }
    public var regressions: [GateMetricResult] { results.filter { $0.verdict == .regressed } }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case method, baseline, candidate, settings, results, notes
        case baselineRuns = "baseline_runs"
        case candidateRuns = "candidate_runs"
        case unmatchedPhases = "unmatched_phases"
        case passed
    }

    public init(
        method: Method = .bootstrap, baselineRuns: [RunReference], candidateRuns: [RunReference], settings: GateSettings,
        results: [GateMetricResult], unmatchedPhases: [String], notes: [String] = []
    ) {
        schemaVersion = Self.currentSchemaVersion
        self.method = method
        baseline = baselineRuns.last!
        candidate = candidateRuns.last!
        self.baselineRuns = baselineRuns
        self.candidateRuns = candidateRuns
        self.settings = settings
        self.results = results
        self.unmatchedPhases = unmatchedPhases
        self.notes = notes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        method = try container.decodeIfPresent(Method.self, forKey: .method) ?? .bootstrap
        baseline = try container.decode(RunReference.self, forKey: .baseline)
        candidate = try container.decode(RunReference.self, forKey: .candidate)
        baselineRuns = try container.decodeIfPresent([RunReference].self, forKey: .baselineRuns) ?? [baseline]
        candidateRuns = try container.decodeIfPresent([RunReference].self, forKey: .candidateRuns) ?? [candidate]
        notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
        settings = try container.decode(GateSettings.self, forKey: .settings)
        results = try container.decode([GateMetricResult].self, forKey: .results)
        unmatchedPhases = try container.decode([String].self, forKey: .unmatchedPhases)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(method, forKey: .method)
        try container.encode(baseline, forKey: .baseline)
        try container.encode(candidate, forKey: .candidate)
        try container.encode(baselineRuns, forKey: .baselineRuns)
        try container.encode(candidateRuns, forKey: .candidateRuns)
        try container.encode(notes, forKey: .notes)
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
