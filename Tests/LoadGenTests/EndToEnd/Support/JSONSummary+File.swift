import Foundation
import Reports

extension JSONSummary {
    /// Decodes the summary `loadgen run --json FILE` wrote.
    static func read(_ path: String) throws -> JSONSummary {
        try decoder().decode(JSONSummary.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The totals of one request in one phase.
    func totals(phase: String, request: String) -> Request? {
        requests.first { $0.phase == phase && $0.request == request }
    }
}
