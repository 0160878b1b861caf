/// One toxic type as Toxiproxy registers them: its name, its attributes with the values used when one is left out,
/// and what it does on a connection. One file per type under `Toxics/`, listed in `ToxicRegistry`.
protocol ToxicKind: Sendable {
    /// The `type` in Toxiproxy's JSON, e.g. `latency`.
    static var typeName: String { get }
    /// Every attribute the type knows, with its default (Toxiproxy's default is 0 for all of them).
    static var defaults: [String: Int] { get }
    /// Why `attributes` (defaults filled in) cannot be used, saying what to write instead; nil when they can.
    static func problem(with attributes: [String: Int]) -> String?
    /// The stage for one direction of one connection; nil for HTTP toxics, which act on requests instead.
    static func makeStage(attributes: [String: Int], random: SeededRandom) -> (any ToxicStage)?
    /// True for the HTTP toxics, which act on parsed requests rather than on bytes.
    static var actsOnRequests: Bool { get }
}

extension ToxicKind {
    static var actsOnRequests: Bool { false }

    /// The shared check: no attribute may be negative.
    static func negativeAttribute(in attributes: [String: Int]) -> String? {
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) where value < 0 {
            return "attribute '\(key)' of \(typeName) must not be negative (got \(value))"
        }
        return nil
    }
}
