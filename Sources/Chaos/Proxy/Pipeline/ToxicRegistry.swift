/// Every toxic type by its Toxiproxy name. Adding one: write its file under `Toxics/` and list the type here
/// (docs/proxy.md tells how).
enum ToxicRegistry {
    static let all: [any ToxicKind.Type] = [
        LatencyToxic.self, BandwidthToxic.self, SlowCloseToxic.self, TimeoutToxic.self, ResetPeerToxic.self,
        SlicerToxic.self, LimitDataToxic.self, HTTPAbortToxic.self, HTTPDelayToxic.self,
    ]

    static func kind(named name: String) -> (any ToxicKind.Type)? {
        all.first { $0.typeName == name }
    }

    static var names: [String] { all.map { $0.typeName }.sorted() }

    /// Checks `toxic` against its type and fills in the attributes it left out; the error says what to change.
    static func validated(_ toxic: Toxic) throws(FaultError) -> Toxic {
        guard let kind = kind(named: toxic.type) else {
            throw FaultError(
                .invalidParameter, "unknown toxic type '\(toxic.type)'; expected one of \(names.joined(separator: ", "))")
        }
        if toxic.name.isEmpty {
            throw FaultError(
                .invalidParameter,
                "toxic of type \(toxic.type) has an empty name; give it one, e.g. '\(toxic.type)_\(toxic.stream.rawValue)'")
        }
        guard toxic.toxicity.isFinite, (0...1).contains(toxic.toxicity) else {
            throw FaultError(.invalidParameter, "toxic '\(toxic.name)': toxicity \(toxic.toxicity) is outside 0...1")
        }
        for key in toxic.attributes.keys.sorted() where kind.defaults[key] == nil {
            let known = kind.defaults.keys.sorted().joined(separator: ", ")
            throw FaultError(.invalidParameter, "toxic '\(toxic.name)': \(toxic.type) has no attribute '\(key)'; it has \(known)")
        }
        var filled = toxic
        filled.attributes = kind.defaults.merging(toxic.attributes) { _, given in given }
        if let problem = kind.negativeAttribute(in: filled.attributes) ?? kind.problem(with: filled.attributes) {
            throw FaultError(.invalidParameter, "toxic '\(toxic.name)': \(problem)")
        }
        return filled
    }
}
