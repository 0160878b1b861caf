import Foundation

/// The detect page: the upload form, and after an upload either the result or the reason it was refused.
struct DetectContent: Sendable {
    struct ModelOption: Sendable {
        var name: String
        var selected: Bool
    }

    /// A refused upload: the API's error code and its message for people.
    struct Problem: Sendable {
        var code: String
        var message: String
    }

    var models: [ModelOption]
    var maxUpload: String
    var result: DetectResultView?
    var error: Problem?
}

/// One detection result as the page draws it: the uploaded image as a `data:` URL, an SVG overlay in image
/// pixels (so it scales with the image), and the boxes as table rows.
struct DetectResultView: Sendable {
    struct BoxRow: Sendable {
        var number: Int
        var label: String
        var x: Int
        var y: Int
        var width: Int
        var height: Int
        var neighbors: Int
    }

    var model: String
    var version: Int
    /// What the model's boxes are (`face`, `person`, …).
    var label: String
    var width: Int
    var height: Int
    var filename: String
    var imageDataURL: String
    var boxes: [BoxRow]
    var boxCount: Int
    var decodeMs: String
    var detectMs: String
    /// The overlay's stroke, about 0.4 % of the larger side, so boxes stay visible on big and small images alike.
    var strokeWidth: Int

    init(model: ModelSpec, result: DetectionResult, jpeg: [UInt8], filename: String?) {
        self.model = model.name
        version = model.version
        label = model.label
        width = result.width
        height = result.height
        self.filename = filename ?? "upload"
        imageDataURL = "data:image/jpeg;base64," + Data(jpeg).base64EncodedString()
        boxes = result.detections.enumerated().map { index, detection in
            BoxRow(
                number: index + 1, label: model.label, x: detection.box.x, y: detection.box.y,
                width: detection.box.width, height: detection.box.height, neighbors: detection.neighbors)
        }
        boxCount = boxes.count
        decodeMs = String(format: "%.1f", result.decodeDuration.milliseconds)
        detectMs = String(format: "%.1f", result.detectDuration.milliseconds)
        strokeWidth = max(2, max(result.width, result.height) / 250)
    }
}
