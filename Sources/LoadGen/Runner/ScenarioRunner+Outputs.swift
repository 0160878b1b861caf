import Foundation
import Reports

extension ScenarioRunner {
    /// Writes the files `options` asks for — HTML report, JSON summary, JUnit — all rendered from the stored run, so
    /// `loadgen report RUN` renders the same later. Returns the summary's lines naming them and the last failure.
    static func writeOutputs(of runID: Int64, in store: ResultsStore, options: RunOptions) -> (lines: String, failure: String?) {
        writeOutputs(
            of: runID, in: store, reportPath: options.reportPath, jsonPath: options.jsonPath, junitPath: options.junitPath)
    }

    static func writeOutputs(
        of runID: Int64, in store: ResultsStore, reportPath: String?, jsonPath: String?, junitPath: String?
    ) -> (lines: String, failure: String?) {
        let outputs: [(label: String, what: String, path: String?, render: () throws -> String)] = [
            ("report:   ", "the report", reportPath, { try HTMLReport.render(store: store, runID: runID) }),
            (
                "json:     ", "the JSON summary", jsonPath,
                {
                    let data = try JSONSummary.encoder().encode(try JSONSummary(store: store, runID: runID))
                    return String(decoding: data, as: UTF8.self)
                }
            ),
            ("junit:    ", "the JUnit report", junitPath, { try JUnitDocument(store: store, runID: runID).render() }),
        ]
        var lines = ""
        var failure: String?
        for output in outputs {
            guard let path = output.path else { continue }
            do {
                try write(try output.render(), to: path)
                lines += "\(output.label)\(path)\n"
            } catch {
                failure = "cannot write \(output.what) to \(path): \(error)"
            }
        }
        return (lines, failure)
    }

    /// The generator's own accuracy (actual minus intended send time), so a reader can tell a slow target from a late
    /// generator: the summary's line and the stored event, none when nothing was sent on a schedule.
    static func sendLag(of engine: LoadEngine, atMs: Int64) async -> (line: String, event: EventRecord?) {
        guard let lag = try? await engine.sendLag(), lag.totalCount > 0 else { return ("", nil) }
        let ms = { (micros: UInt64) in String(format: "%.3f", Double(micros) / 1000) }
        let (p50, p99, max) = (lag.valueAtPercentile(50), lag.valueAtPercentile(99), lag.max)
        let line =
            "send lag (actual - intended send time): p50 \(ms(p50))ms, p99 \(ms(p99))ms, max \(ms(max))ms over \(lag.totalCount) requests\n"
        let event = EventRecord(
            atMs: atMs, kind: "engine", name: "send_lag",
            detail: ["p50_ms": ms(p50), "p99_ms": ms(p99), "max_ms": ms(max), "count": "\(lag.totalCount)"])
        return (line, event)
    }

    private static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
