/// A stored run as one self-contained HTML file: inline CSS and SVG, no scripts, no external URLs,
/// so it opens offline from a CI artifact.
public enum HTMLReport {
    public static func render(store: ResultsStore, runID: Int64) throws -> String {
        render(try RunSnapshot.load(store: store, runID: runID))
    }

    static func render(_ snapshot: RunSnapshot) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(HTMLEscaping.escape(snapshot.run.name)) — run \(snapshot.run.id ?? 0)</title>
        <style>
        \(HTMLReportStyle.css)
        </style>
        </head>
        <body>
        \(header(snapshot))
        \(slaSection(snapshot))
        \(statsSection(snapshot))
        \(chartsSection(snapshot))
        \(errorsSection(snapshot))
        \(eventsSection(snapshot))
        </body>
        </html>

        """
    }

    /// A table from header titles and rows of cells that are already HTML (escaped by the caller).
    static func table(headers: [String], rows: [[String]], rowClasses: [String]? = nil) -> String {
        var html = "<table>\n<thead><tr>" + headers.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (index, row) in rows.enumerated() {
            let rowClass = rowClasses.map { " class=\"\($0[index])\"" } ?? ""
            html += "<tr\(rowClass)>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>"
    }
}
