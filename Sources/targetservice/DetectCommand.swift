import ArgumentParser
import Foundation
import TargetService

/// `targetservice detect`: runs one cascade over image files through the same pipeline as `POST /v1/detect`.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Detect objects in JPEG files with an OpenCV cascade (the service's own code path).",
        discussion: """
            Prints one line per box, "IMAGE X Y WIDTH HEIGHT", or with --json an array of
            {"image", "width", "height", "boxes": [[x,y,w,h], ...], "timing": {"runs", "decode_ms_median",
            "detect_ms_median"}}. Every image is processed; if any cannot be
            decoded the error is reported (on stderr, and as {"image", "error"} in JSON) and the exit code is 1.
            """
    )

    @Option(help: "Cascade XML, e.g. /usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml.")
    var cascade: String

    @Option(help: "How much the window grows per scale (> 1).")
    var scaleFactor = 1.1

    @Option(help: "Neighbours a box needs to be kept.")
    var minNeighbors = 3

    @Option(help: "Smallest object, WxH (0x0: the cascade window).")
    var minSize = PixelSize.zero

    @Option(help: "Largest object, WxH (0x0: the image size).")
    var maxSize = PixelSize.zero

    @Option(help: "Refuse images with more pixels than this.")
    var maxPixels = JPEGDecoder.defaultMaxPixels

    @Option(help: "Run each image this many times and report median timings (for benchmarks).")
    var `repeat` = 1

    @Flag(help: "Print JSON instead of one line per box.")
    var json = false

    @Argument(help: "JPEG files.")
    var images: [String]

    var parameters: DetectionParameters {
        DetectionParameters(scaleFactor: scaleFactor, minNeighbors: minNeighbors, minSize: minSize, maxSize: maxSize)
    }

    func validate() throws {
        if images.isEmpty { throw ValidationError("Give at least one JPEG file to scan.") }
        if let problem = parameters.validationError { throw ValidationError(problem) }
        if `repeat` < 1 { throw ValidationError("--repeat must be at least 1 (got \(`repeat`)).") }
        if maxPixels < 1 { throw ValidationError("--max-pixels must be at least 1 (got \(maxPixels)).") }
    }

    func run() throws {
        let classifier: CascadeClassifier
        do {
            classifier = try CascadeClassifier.load(contentsOf: cascade)
        } catch {
            throw usageFailure("cannot load --cascade: \(error.description)")
        }
        let pipeline = DetectionPipeline(decoder: JPEGDecoder(maxPixels: maxPixels))
        var reports: [ImageReport] = []
        for path in images {
            let report = Self.detect(path, runs: `repeat`, pipeline: pipeline, classifier: classifier, parameters: parameters)
            if let error = report.error {
                Self.printError("\(path): \(error.code): \(error.message)")
            } else if !json {
                for box in report.boxes ?? [] {
                    print("\(path) \(box.map(String.init).joined(separator: " "))")
                }
            }
            reports.append(report)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(reports), as: UTF8.self))
        }
        if reports.contains(where: { $0.error != nil }) {
            throw ExitCode.failure
        }
    }

    private static func detect(
        _ path: String, runs: Int, pipeline: DetectionPipeline, classifier: CascadeClassifier, parameters: DetectionParameters
    ) -> ImageReport {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return ImageReport(
                image: path, error: .init(code: "unreadable_file", message: "cannot read the file: \(error.localizedDescription)")
            )
        }
        do {
            var results: [DetectionResult] = []
            for _ in 0..<runs {
                results.append(try pipeline.run(bytes, classifier: classifier, parameters: parameters))
            }
            let result = results[0]
            let timing = ImageReport.Timing(
                runs: runs,
                decodeMsMedian: median(results.map(\.decodeDuration.milliseconds)),
                detectMsMedian: median(results.map(\.detectDuration.milliseconds))
            )
            return ImageReport(
                image: path, width: result.width, height: result.height, boxes: result.detections.map(\.box.array), timing: timing
            )
        } catch {
            return ImageReport(image: path, error: .init(code: error.code.rawValue, message: error.message))
        }
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data("targetservice: error: \(message)\n".utf8))
    }
}

/// One image's outcome in `detect --json`: its size and boxes, or why it failed.
struct ImageReport: Encodable {
    struct Failure: Encodable {
        var code: String
        var message: String
    }

    /// Medians over `--repeat` runs, in milliseconds.
    struct Timing: Encodable {
        var runs: Int
        var decodeMsMedian: Double
        var detectMsMedian: Double

        enum CodingKeys: String, CodingKey {
            case runs
            case decodeMsMedian = "decode_ms_median"
            case detectMsMedian = "detect_ms_median"
        }
    }

    var image: String
    var width: Int?
    var height: Int?
    var boxes: [[Int]]?
    var timing: Timing?
    var error: Failure?
}
