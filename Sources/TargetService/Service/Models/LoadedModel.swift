/// A model spec with its cascade parsed and ready to run.
public struct LoadedModel: Sendable {
    public let spec: ModelSpec
    public let classifier: CascadeClassifier

    public init(spec: ModelSpec, classifier: CascadeClassifier) {
        self.spec = spec
        self.classifier = classifier
    }
}
