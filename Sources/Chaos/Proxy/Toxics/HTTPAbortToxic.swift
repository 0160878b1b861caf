/// `http_abort` (Envoy's fault-filter abort): answers `status` to `percentage` % of HTTP/1.1 requests without
/// forwarding them. Acts on requests, so its `stream` is ignored; `toxicity` still picks the connections.
enum HTTPAbortToxic: ToxicKind {
    static let typeName = "http_abort"
    static let defaults = ["status": 503, "percentage": 100]

    static func problem(with attributes: [String: Int]) -> String? {
        let status = attributes["status"] ?? 0
        if !(200...599).contains(status) { return "http_abort's status must be an HTTP status in 200...599 (got \(status))" }
        return percentageProblem(attributes)
    }

    static let actsOnRequests = true

    static func makeStage(attributes: [String: Int], random: SeededRandom) -> (any ToxicStage)? { nil }
}

extension ToxicKind {
    static func percentageProblem(_ attributes: [String: Int]) -> String? {
        let percentage = attributes["percentage"] ?? 0
        if !(0...100).contains(percentage) { return "\(typeName)'s percentage must be within 0...100 (got \(percentage))" }
        return nil
    }
}
