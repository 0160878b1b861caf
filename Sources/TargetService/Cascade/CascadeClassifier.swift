import Foundation

/// A Viola–Jones cascade (OpenCV HAAR, tilted HAAR, LBP or the old format) that detects objects exactly as
/// OpenCV 4.x `CascadeClassifier::detectMultiScale` does. Immutable after loading; `detect` is thread-safe.
public final class CascadeClassifier: Sendable {
    let model: CascadeModel
    /// Where the cascade came from (a path), for messages.
    public let source: String

    /// The training window, the smallest object the cascade can see.
    public var windowSize: PixelSize { PixelSize(width: model.windowWidth, height: model.windowHeight) }
    /// "HAAR" or "LBP".
    public var featureType: String { model.kind.rawValue }
    public var stageCount: Int { model.stages.count }

    init(model: CascadeModel, source: String) {
        self.model = model
        self.source = source
    }

    /// Loads a cascade XML file. Errors name the file, the line and the element at fault.
    public static func load(contentsOf path: String) throws(CascadeLoadError) -> CascadeClassifier {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CascadeLoadError(
                file: path, line: nil, element: "file",
                reason: exists ? "cannot read the file (check permissions)" : "no such file")
        }
        return try CascadeClassifier(xml: [UInt8](data), source: path)
    }

    /// Parses cascade XML held in memory; `source` names it in errors.
    public convenience init(xml: [UInt8], source: String) throws(CascadeLoadError) {
        let root = try XMLReader.parse(xml, file: source)
        guard root.name == "opencv_storage" else {
            throw CascadeLoadError(
                file: source, line: root.line, element: root.name,
                reason: "expected an OpenCV <opencv_storage> document")
        }
        guard let top = root.children.first else {
            throw CascadeLoadError(file: source, line: root.line, element: root.name, reason: "the document is empty")
        }
        let model: CascadeModel
        if top.attributes["type_id"] == "opencv-haar-classifier" {
            model = try CascadeModel.parseOldFormat(top, file: source)
        } else if top.name == "cascade" || top.child("stageType") != nil {
            model = try CascadeModel.parseNewFormat(top, file: source)
        } else {
            throw CascadeLoadError(
                file: source, line: top.line, element: top.name,
                reason: "not a cascade: expected <cascade> or type_id=\"opencv-haar-classifier\"")
        }
        self.init(model: try model.validated(file: source), source: source)
    }

    /// Detects objects in `image`; the result is grouped, clipped and in OpenCV's order.
    public func detect(in image: GrayImage, parameters: DetectionParameters = DetectionParameters()) -> [Detection] {
        let candidates = rawCandidates(in: image, parameters: parameters)
        return RectangleGrouping.group(
            candidates, minNeighbors: parameters.minNeighbors,
            imageWidth: image.width, imageHeight: image.height)
    }

    /// Every window that passed all stages, at every scale, before grouping (OpenCV's candidate list).
    /// Tests set `speculativeTreeSize` to 0 or `scansStumpRows` to false to check a faster form against the plain one.
    func rawCandidates(
        in image: GrayImage, parameters: DetectionParameters, speculativeTreeSize: Int = 3, scansStumpRows: Bool = true
    ) -> [Box] {
        precondition(parameters.validationError == nil, parameters.validationError ?? "")
        let plan = ScalePlan(
            imageWidth: image.width, imageHeight: image.height, windowWidth: model.windowWidth,
            windowHeight: model.windowHeight, parameters: parameters)
        guard let largest = plan.levels.first else { return [] }
        let haar = model.kind == .haar
        let integrals = IntegralImages(
            maxWidth: largest.width, maxHeight: largest.height, squared: haar,
            tilted: model.hasTiltedFeatures)
        var prepared = PreparedCascade(model, stride: integrals.stride, tiltedOffset: integrals.tiltedOffset)
        prepared.speculativeTreeSize = min(speculativeTreeSize, 3)
        prepared.scansStumpRows = scansStumpRows
        let levelPixels = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: largest.width * largest.height)
        defer { levelPixels.deallocate() }
        var candidates: [Box] = []
        image.pixels.withUnsafeBufferPointer { source in
            for level in plan.levels {
                let levelBuffer = UnsafeMutableBufferPointer(rebasing: levelPixels[0..<(level.width * level.height)])
                LinearExactResize.resize(
                    source, width: image.width, height: image.height,
                    into: levelBuffer, width: level.width, height: level.height)
                integrals.compute(levelBuffer.baseAddress!, width: level.width, height: level.height, squared: haar)
                CascadeScanner.scan(prepared, kind: model.kind, integrals: integrals, level: level, into: &candidates)
            }
        }
        return candidates
    }
}
