/// A stored run as one self-contained HTML file: inline CSS and SVG, no scripts, no external URLs, so it opens
/// offline from a CI artifact. Sections are Mustache templates (`Sources/Reports/Templates`) filled from view models.
public enum HTMLReport {
    /// Renders run `runID`; with `baselineRunID`, adds a section comparing it against that run.
    public static func render(store: ResultsStore, runID: Int64, baselineRunID: Int64? = nil) throws -> String {
        let snapshot = try RunSnapshot.load(store: store, runID: runID)
        let comparison = try baselineRunID.map {
            try RunComparison.make(store: store, baselineRunID: $0, candidateRunID: runID)
        }
        let tags = try store.tagsByRun()[runID] ?? []
        return try render(snapshot, tags: tags, comparison: comparison)
    }

    static func render(_ snapshot: RunSnapshot, tags: [String] = [], comparison: RunComparison? = nil) throws -> String {
        let page = try ReportPage(snapshot: snapshot, tags: tags, comparison: comparison)
        return try ReportTemplates.render("report", page)
    }
}
