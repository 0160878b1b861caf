import NIOCore

/// Decides, per HTTP request on one connection, which HTTP toxics hit it: each active toxic rolls its `percentage`
/// for every request (Envoy's per-request semantics). Delays add up; an abort answers after the delay, as Envoy
/// injects a delay before an abort. Pure: the connection's seeded generator makes the rolls.
struct HTTPFaultDecider {
    struct Decision: Equatable {
        var delay: TimeAmount = .zero
        var abortStatus: Int?
    }

    /// Active HTTP toxics on this connection by name, in the order they were added.
    private(set) var toxics: [(name: String, toxic: Toxic)] = []

    var isEmpty: Bool { toxics.isEmpty }

    mutating func set(_ toxic: Toxic) {
        if let index = toxics.firstIndex(where: { $0.name == toxic.name }) {
            toxics[index].toxic = toxic
        } else {
            toxics.append((toxic.name, toxic))
        }
    }

    mutating func remove(named name: String) {
        toxics.removeAll { $0.name == name }
    }

    func decide(using random: inout SeededRandom) -> Decision {
        var decision = Decision()
        for (_, toxic) in toxics {
            let percentage = toxic.attributes["percentage"] ?? 100
            // Every toxic rolls, hit or not, so one toxic's setting never shifts another's sequence.
            let hit = random.unit() * 100 < Double(percentage)
            guard hit else { continue }
            switch toxic.type {
            case HTTPDelayToxic.typeName:
                decision.delay = decision.delay + .milliseconds(Int64(toxic.attributes["delay"] ?? 0))
            case HTTPAbortToxic.typeName where decision.abortStatus == nil:
                decision.abortStatus = toxic.attributes["status"] ?? 503
            default:
                break
            }
        }
        return decision
    }
}
