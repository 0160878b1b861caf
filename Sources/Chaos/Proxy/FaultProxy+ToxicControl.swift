/// Toxics by name, as Toxiproxy's API manages them: changes reach open connections too.
extension FaultProxy: ToxicControl {
    public func addToxic(_ toxic: Toxic) async throws(FaultError) {
        let checked = try ToxicRegistry.validated(toxic)
        try withState { state throws(FaultError) in
            if state.toxics.contains(where: { $0.name == checked.name }) {
                throw FaultError(
                    .invalidParameter,
                    "proxy '\(name)' already has a toxic named '\(checked.name)'; remove it first or pick another name")
            }
            state.toxics.append(checked)
        }
        await forEachConnection { $0.addToxic(checked) }
    }

    public func removeToxic(named name: String) async {
        let removed = withState { state in
            let before = state.toxics.count
            state.toxics.removeAll { $0.name == name }
            return state.toxics.count != before
        }
        if removed { await forEachConnection { $0.removeToxic(named: name) } }
    }

    /// Removes every toxic (Toxiproxy's reset).
    public func removeAllToxics() async {
        for toxic in toxics() { await removeToxic(named: toxic.name) }
    }

    public func setEnabled(_ enabled: Bool) async {
        if enabled {
            try? await enable()
        } else {
            await disable()
        }
    }

    /// Changes a toxic's attributes (those given; the rest stay) and, when given, its toxicity.
    @discardableResult
    public func updateToxic(
        named name: String, attributes: [String: Int], toxicity: Double? = nil
    ) async throws(FaultError) -> Toxic {
        guard var toxic = toxic(named: name) else {
            throw FaultError(.invalidParameter, "proxy '\(self.name)' has no toxic named '\(name)'")
        }
        toxic.attributes.merge(attributes) { _, new in new }
        if let toxicity { toxic.toxicity = toxicity }
        let checked = try ToxicRegistry.validated(toxic)
        withState { state in
            if let index = state.toxics.firstIndex(where: { $0.name == name }) { state.toxics[index] = checked }
        }
        await forEachConnection { $0.updateToxic(checked) }
        return checked
    }
}
