/// One servable model as configured: which cascade, what its boxes are called, its version and detection knobs.
public struct ModelSpec: Sendable, Hashable {
    /// The name clients pass as `?model=` and the `model` metric label.
    public var name: String
    /// The `label` of every detection this model returns.
    public var label: String
    /// Reported as `version` and `X-Model-Version`; a later registry bumps it on replace.
    public var version: Int
    /// Absolute path of the cascade XML.
    public var cascadePath: String
    public var parameters: DetectionParameters

    public init(
        name: String, label: String, version: Int = 1, cascadePath: String,
        parameters: DetectionParameters = DetectionParameters()
    ) {
        self.name = name
        self.label = label
        self.version = version
        self.cascadePath = cascadePath
        self.parameters = parameters
    }
}
