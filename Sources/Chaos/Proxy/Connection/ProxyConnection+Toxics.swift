import NIOCore

/// Toxics joining, changing and leaving a live connection. Toxicity is rolled once per toxic and connection, when
/// the toxic first meets the connection (Toxiproxy's rule); an update re-decides with the same roll.
extension ProxyConnection {
    func addToxic(_ toxic: Toxic) {
        guard !isClosed else { return }
        let roll = nextRoll()
        setRoll(toxic, roll)
        if roll < toxic.toxicity { activate(toxic) }
    }

    func removeToxic(named name: String) {
        guard !isClosed, let entry = roll(of: name) else { return }
        clearRoll(name)
        deactivate(entry.toxic)
    }

    func updateToxic(_ toxic: Toxic) {
        guard !isClosed, let entry = roll(of: toxic.name) else { return addToxic(toxic) }
        setRoll(toxic, entry.roll)
        let wasActive = entry.roll < entry.toxic.toxicity
        let isActive = entry.roll < toxic.toxicity
        switch (wasActive, isActive) {
        case (true, true): replace(toxic)
        case (true, false): deactivate(entry.toxic)
        case (false, true): activate(toxic)
        case (false, false): break
        }
    }

    private func activate(_ toxic: Toxic) {
        guard let kind = ToxicRegistry.kind(named: toxic.type) else { return }
        if let stage = kind.makeStage(attributes: toxic.attributes, random: nextRandom()) {
            pipeline(toxic.stream).add(name: toxic.name, stage: stage, at: .now())
            pump(toxic.stream)
        } else if parsesHTTP {
            http.set(toxic)
        }
    }

    private func deactivate(_ toxic: Toxic) {
        if ToxicRegistry.kind(named: toxic.type)?.actsOnRequests ?? true {
            http.remove(named: toxic.name)
            return
        }
        pipeline(toxic.stream).remove(name: toxic.name, at: .now())
        pump(toxic.stream)
    }

    private func replace(_ toxic: Toxic) {
        guard let kind = ToxicRegistry.kind(named: toxic.type) else { return }
        if let stage = kind.makeStage(attributes: toxic.attributes, random: nextRandom()) {
            pipeline(toxic.stream).replace(name: toxic.name, with: stage, at: .now())
            pump(toxic.stream)
        } else if parsesHTTP {
            http.set(toxic)
        }
    }
}
