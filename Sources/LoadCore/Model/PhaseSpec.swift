/// One stretch of the timeline with one load model.
public struct PhaseSpec: Sendable, Equatable {
    public var name: String
    public var duration: Duration
    public var load: LoadModel

    public init(name: String, duration: Duration, load: LoadModel) {
        self.name = name
        self.duration = duration
        self.load = load
    }
}
