import Foundation
import Testing
@testable import TargetService

/// One reference run of OpenCV 4.14 `detectMultiScale2`, from Fixtures/goldens/detections.json.
struct GoldenCase: Decodable, CustomTestStringConvertible, Sendable {
    struct Expected: Decodable, Sendable {
        var box: [Int]
        var neighbors: Int
    }

    var image: String
    var cascade: String
    var scale_factor: Double
    var min_neighbors: Int
    var min_size: [Int]
    var max_size: [Int]
    var detections: [Expected]

    var parameters: DetectionParameters {
        DetectionParameters(
            scaleFactor: scale_factor, minNeighbors: min_neighbors,
            minSize: PixelSize(width: min_size[0], height: min_size[1]),
            maxSize: PixelSize(width: max_size[0], height: max_size[1]))
    }

    var testDescription: String {
        "\(image) \((cascade as NSString).lastPathComponent) sf=\(scale_factor) mn=\(min_neighbors) min=\(min_size) max=\(max_size)"
    }

    static func all() throws -> [GoldenCase] {
        struct File: Decodable { var cases: [GoldenCase] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: Fixtures.url("goldens/detections.json"))).cases
    }
}

/// Raw candidates are shared by every minNeighbors value of the same image, cascade and scales.
final class RawCandidateCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: [String: (image: GrayImage, boxes: [Box])] = [:]

    func candidates(for golden: GoldenCase) throws -> (image: GrayImage, boxes: [Box]) {
        var key = golden
        key.min_neighbors = 0
        key.detections = []
        let id = key.testDescription
        lock.lock()
        if let hit = cache[id] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let image = try Fixtures.grayImage(golden.image)
        let cascade = try Fixtures.cascade(golden.cascade)
        let boxes = cascade.rawCandidates(in: image, parameters: key.parameters)
        lock.lock()
        cache[id] = (image, boxes)
        lock.unlock()
        return (image, boxes)
    }
}

@Suite("Detections are identical to OpenCV 4.14")
struct GoldenDetectionTests {
    static let cases = (try? GoldenCase.all()) ?? []
    static let raw = RawCandidateCache()

    @Test("the golden file covers photos, synthetic images and every cascade kind")
    func coverage() {
        #expect(Self.cases.count >= 500)
        let cascades = Set(Self.cases.map(\.cascade))
        #expect(cascades.contains("haarcascades/haarcascade_licence_plate_rus_16stages.xml"))
        #expect(cascades.contains("haarcascades/haarcascade_eye_tree_eyeglasses.xml"))
        #expect(cascades.contains { $0.hasPrefix("lbpcascades/") })
        #expect(Set(Self.cases.filter { $0.image.hasPrefix("synthetic/") }.map(\.image)).count >= 20)
        #expect(Set(Self.cases.map(\.min_neighbors)).isSuperset(of: [0, 3, 5]))
    }

    @Test("same boxes and neighbour counts as OpenCV", arguments: cases)
    func matchesOpenCV(_ golden: GoldenCase) throws {
        let (image, candidates) = try Self.raw.candidates(for: golden)
        let detections = RectangleGrouping.group(
            candidates, minNeighbors: golden.min_neighbors,
            imageWidth: image.width, imageHeight: image.height)
        let ours = detections.map { [$0.box.x, $0.box.y, $0.box.width, $0.box.height, $0.neighbors] }
            .sorted { $0.lexicographicallyPrecedes($1) }
        let theirs = golden.detections.map { $0.box + [$0.neighbors] }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(ours == theirs)
    }
}
