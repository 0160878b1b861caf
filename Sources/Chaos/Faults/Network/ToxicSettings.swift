import Synchronization

/// What every network fault shares, as Toxiproxy has it: the `stream` a toxic acts on and its `toxicity` (the
/// fraction of connections it applies to), and adding the toxic to the proxy under a name unique per injection.
struct ToxicSettings: Sendable, Equatable {
    /// The parameters every network fault accepts besides its own.
    static let keys: Set<String> = ["stream", "toxicity"]

    var stream: Toxic.Stream
    var toxicity: Double

    init(_ parameters: FaultParameters) throws(FaultError) {
        let stream = try parameters.text(
            "stream", default: Toxic.Stream.downstream.rawValue, allowed: ["downstream", "upstream"])
        self.stream = Toxic.Stream(rawValue: stream) ?? .downstream
        self.toxicity = try parameters.number("toxicity", default: 1, range: 0...1)
    }

    /// Adds a toxic of `type` to the run's proxy; the undo removes it again by name.
    func inject(
        _ fault: String, type: String, attributes: [String: Int], into environment: FaultEnvironment
    ) async throws(FaultError) -> FaultUndo {
        guard let proxy = environment.proxy else { throw Self.needsProxy(fault) }
        let toxic = Toxic(name: Self.uniqueName(type), type: type, stream: stream, toxicity: toxicity, attributes: attributes)
        try await proxy.addToxic(toxic)
        let record = FaultRecord(fault: fault, values: ["toxic": toxic.name], expiresAt: environment.expiresAt)
        return FaultUndo(record: record) { await proxy.removeToxic(named: toxic.name) }
    }

    static func needsProxy(_ fault: String) -> FaultError {
        FaultError(
            .unsupported,
            """
            this fault needs the fault proxy: '\(fault)' acts on traffic through loadgen's proxy, and this run has none. \
            Send the load through the proxy (a bundled target, or 'proxy: true' on a url target).
            """)
    }

    private static let counter = Atomic<Int>(0)

    /// `latency_3`: unique within this process, so two steps of one kind never collide on the proxy.
    static func uniqueName(_ type: String) -> String {
        "\(type)_\(counter.add(1, ordering: .relaxed).newValue)"
    }
}
