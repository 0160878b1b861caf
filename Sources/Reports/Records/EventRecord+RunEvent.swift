extension EventRecord {
    /// The stored row of an event the run's core recorded.
    public init(_ event: RunEvent) {
        self.init(atMs: event.atMs, kind: event.kind, name: event.name, detail: event.detail, outcome: event.outcome)
    }
}
