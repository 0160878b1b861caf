/// Bytes in, boxes out: the one decode → detect path shared by `targetservice detect` and `POST /v1/detect`,
/// so the CLI reproduces exactly what the service answers.
public struct DetectionPipeline: Sendable {
    public var decoder: JPEGDecoder

    public init(decoder: JPEGDecoder = JPEGDecoder()) {
        self.decoder = decoder
    }

    /// Decodes `bytes` to gray and runs `classifier` over it. CPU-bound: call it off the event loops.
    public func run(
        _ bytes: some Collection<UInt8>,
        classifier: CascadeClassifier,
        parameters: DetectionParameters
    ) throws(ImageDecodeError) -> DetectionResult {
        let clock = ContinuousClock()
        let decodeStart = clock.now
        let image = try decoder.decodeGray(bytes)
        let detectStart = clock.now
        let detections = classifier.detect(in: image, parameters: parameters)
        let end = clock.now
        return DetectionResult(
            width: image.width,
            height: image.height,
            detections: detections,
            decodeDuration: detectStart - decodeStart,
            detectDuration: end - detectStart
        )
    }
}
