/// The JSON body of a successful `POST /v1/detect`.
struct DetectResponse: Encodable {
    struct ImageSize: Encodable {
        var width: Int
        var height: Int
    }

    struct Item: Encodable {
        var label: String
        var box: [Int]
        var neighbors: Int
    }

    struct Timing: Encodable {
        var queueMs: Double
        var decodeMs: Double
        var detectMs: Double
    }

    var model: String
    var version: Int
    var image: ImageSize
    var detections: [Item]
    var timing: Timing

    init(model: ModelSpec, result: DetectionResult, queued: Duration) {
        self.model = model.name
        self.version = model.version
        self.image = ImageSize(width: result.width, height: result.height)
        self.detections = result.detections.map { Item(label: model.label, box: $0.box.array, neighbors: $0.neighbors) }
        self.timing = Timing(
            queueMs: queued.milliseconds, decodeMs: result.decodeDuration.milliseconds,
            detectMs: result.detectDuration.milliseconds)
    }
}
