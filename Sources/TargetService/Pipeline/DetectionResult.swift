/// What one pass of `DetectionPipeline` produced, with how long each stage took.
public struct DetectionResult: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var detections: [Detection]
    public var decodeDuration: Duration
    public var detectDuration: Duration

    public init(width: Int, height: Int, detections: [Detection], decodeDuration: Duration, detectDuration: Duration) {
        self.width = width
        self.height = height
        self.detections = detections
        self.decodeDuration = decodeDuration
        self.detectDuration = detectDuration
    }
}

extension Duration {
    /// Milliseconds as a fraction, for JSON timings and logs.
    public var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }
}
