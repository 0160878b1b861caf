import Foundation

/// The index page of a `loadgen suite` run: every scenario with its verdict, linking its report.
///
/// Built with string building for now (escaped with `XMLEscaping`, which is HTML-safe); it is one small page and
/// can move to a mustache template with the run report.
public enum SuiteIndex {
    public static func render(title: String, entries: [SuiteEntry], startedAt: Date, exitCode: Int32) -> String {
        let e = XMLEscaping.escape
        let rows = entries.map { entry -> String in
            let link = entry.reportPath.map { "<a href=\"\(e(relativeURL($0)))\">report</a>" } ?? "—"
            let cls = entry.exitCode == 0 ? "pass" : "fail"
            return """
                <tr class="\(cls)"><td>\(e(entry.name))</td><td><code>\(e(entry.scenarioFile))</code></td>\
                <td>\(entry.runID.map(String.init) ?? "—")</td><td class="verdict">\(e(entry.verdict))</td>\
                <td>\(link)</td><td>\(e(entry.message ?? ""))</td></tr>
                """
        }.joined(separator: "\n")
        let overall = SuiteEntry(scenarioFile: "", name: "", runID: nil, exitCode: exitCode, reportPath: nil).verdict
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(e(title))</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; }
            th, td { border-bottom: 1px solid #ddd; padding: .4em .8em; text-align: left; }
            tr.pass .verdict { color: #17702a; font-weight: 600; }
            tr.fail .verdict { color: #b00020; font-weight: 600; }
            </style>
            </head>
            <body>
            <h1>\(e(title))</h1>
            <p>Started \(e(ISO8601DateFormatter().string(from: startedAt))) · \(entries.count) scenario(s) · \
            suite verdict: <strong>\(e(overall))</strong> (exit \(exitCode))</p>
            <table>
            <thead><tr><th>scenario</th><th>file</th><th>run</th><th>verdict</th><th>report</th><th>note</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>
            </body>
            </html>

            """
    }

    /// A relative file path as an href: each path component percent-encoded.
    static func relativeURL(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? String($0) }
            .joined(separator: "/")
    }
}
