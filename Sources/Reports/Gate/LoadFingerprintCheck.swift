/// Like with like: whether the runs a gate compares applied the same load (the fingerprint each run stores: scenario,
/// phases with their durations and arrival models, requests).
enum LoadFingerprintCheck {
    /// Nil when every run with a fingerprint has the candidate's; otherwise the lines that differ, per run.
    static func differences(baselines: [RunRecord], candidate: RunRecord) -> String? {
        guard let expected = candidate.loadFingerprint else { return nil }
        let candidateLines = expected.split(separator: "\n").map(String.init)
        for run in baselines {
            guard let fingerprint = run.loadFingerprint, fingerprint != expected else { continue }
            let lines = fingerprint.split(separator: "\n").map(String.init)
            let onlyBaseline = lines.filter { !candidateLines.contains($0) }
            let onlyCandidate = candidateLines.filter { !lines.contains($0) }
            return
                (onlyBaseline.map { "  baseline run \(run.id ?? 0):  \($0)" }
                + onlyCandidate.map { "  candidate run \(candidate.id ?? 0): \($0)" }).joined(separator: "\n")
        }
        return nil
    }

    /// Runs stored before fingerprints existed: they are compared unchecked, and the report says so.
    static func unchecked(_ runs: [RunRecord]) -> [Int64] {
        runs.filter { $0.loadFingerprint == nil }.map { $0.id ?? 0 }
    }
}
