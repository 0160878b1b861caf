/// `http_delay` (Envoy's fault-filter delay): holds `percentage` % of HTTP/1.1 requests for `delay` ms before
/// forwarding them; later requests on the same connection queue behind it. Its `stream` is ignored.
enum HTTPDelayToxic: ToxicKind {
    static let typeName = "http_delay"
    static let defaults = ["delay": 0, "percentage": 100]

    static func problem(with attributes: [String: Int]) -> String? { percentageProblem(attributes) }

    static let actsOnRequests = true

    static func makeStage(attributes: [String: Int], random: SeededRandom) -> (any ToxicStage)? { nil }
}
