import Foundation

/// The index page of a `loadgen suite` run: every scenario with its verdict, linking its report
/// (template `suite-index.mustache`; every value is HTML-escaped by the template).
public enum SuiteIndex {
    public static func render(title: String, entries: [SuiteEntry], startedAt: Date, exitCode: Int32) throws -> String {
        let overall = SuiteEntry(scenarioFile: "", name: "", runID: nil, exitCode: exitCode, reportPath: nil).verdict
        let context = Page(
            title: title, startedAt: ISO8601DateFormatter().string(from: startedAt), count: entries.count, overall: overall,
            overallClass: exitCode == 0 ? "pass" : "fail", exitCode: Int(exitCode),
            rows: entries.map { entry in
                Row(
                    name: entry.name, file: entry.scenarioFile, run: entry.runID.map(String.init) ?? "—",
                    verdict: entry.verdict, rowClass: entry.exitCode == 0 ? "pass" : "fail",
                    link: entry.reportPath.map(relativeURL), note: entry.message ?? "")
            })
        return try ReportTemplates.render("suite-index", context)
    }

    struct Page {
        var title: String
        var startedAt: String
        var count: Int
        var overall: String
        var overallClass: String
        var exitCode: Int
        var rows: [Row]
    }

    struct Row {
        var name: String
        var file: String
        var run: String
        var verdict: String
        var rowClass: String
        var link: String?
        var note: String
    }

    /// A relative file path as an href: each path component percent-encoded.
    static func relativeURL(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map {
                $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#")))
                    ?? String($0)
            }
            .joined(separator: "/")
    }
}
