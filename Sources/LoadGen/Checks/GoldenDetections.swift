import Foundation

/// Golden boxes per payload file name, loaded once.
///
/// File format (JSON): the model the boxes were produced with, and for each payload file its expected boxes as
/// `[x, y, width, height]` in pixels, in any order; a file with no faces maps to `[]`:
/// ```json
/// {"model": "face", "files": {"grace_hopper.jpg": [[155, 104, 224, 224]], "empty.jpg": []}}
/// ```
/// Keys are file basenames, matched against the name of the body file each request sent.
public struct GoldenDetections: Sendable, Equatable {
    /// The model named in the file, if any.
    public var model: String?
    private var files: [String: [[Int]]]

    public init(model: String? = nil, files: [String: [[Int]]]) {
        self.model = model
        self.files = files
    }

    public static func load(from url: URL) throws -> GoldenDetections {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw GoldenDetectionsError(file: url, problem: "cannot be read (\(error.localizedDescription))")
        }
        return try parse(data, file: url)
    }

    static func parse(_ data: Data, file: URL) throws -> GoldenDetections {
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            throw GoldenDetectionsError(file: file, problem: "is not valid JSON")
        }
        guard let root = object as? [String: Any], let files = root["files"] as? [String: Any] else {
            throw GoldenDetectionsError(file: file, problem: "has no \"files\" object mapping file names to boxes")
        }
        var boxes: [String: [[Int]]] = [:]
        for (name, value) in files {
            guard let list = value as? [Any], let parsed = DetectionBoxes.parse(list) else {
                throw GoldenDetectionsError(
                    file: file, problem: "files.\(name) must be a list of [x, y, width, height] integer boxes")
            }
            boxes[name] = parsed
        }
        return GoldenDetections(model: root["model"] as? String, files: boxes)
    }

    public func boxes(for payloadName: String) -> [[Int]]? {
        files[payloadName]
    }
}

/// A golden detections file that cannot be used, and why.
public struct GoldenDetectionsError: Error, CustomStringConvertible {
    public var file: URL
    public var problem: String

    public var description: String {
        "golden detections file \(file.path) \(problem); expected {\"model\": ..., \"files\": {\"name.jpg\": [[x, y, w, h], ...]}}"
    }
}
