import Foundation
import Testing
@testable import TargetService

@Suite("Loading cascade files")
struct CascadeLoadingTests {
    static let shipped: [String] = {
        let fm = FileManager.default
        return ["haarcascades", "lbpcascades"].flatMap { folder in
            ((try? fm.contentsOfDirectory(atPath: Fixtures.cascadePath(folder))) ?? [])
                .filter { $0.hasSuffix(".xml") }.sorted().map { "\(folder)/\($0)" }
        }
    }()

    @Test("every cascade Debian ships loads")
    func allShippedCascadesLoad() throws {
        #expect(Self.shipped.count >= 22, "install Debian's opencv-data (make setup)")
        for file in Self.shipped {
            let cascade = try Fixtures.cascade(file)
            #expect(cascade.stageCount > 0, "\(file)")
        }
    }

    @Test("window sizes and kinds are read from the file")
    func metadata() throws {
        let plate = try Fixtures.cascade("haarcascades/haarcascade_licence_plate_rus_16stages.xml")
        #expect(plate.windowSize == PixelSize(width: 64, height: 16))
        #expect(plate.stageCount == 16)
        let body = try Fixtures.cascade("haarcascades/haarcascade_fullbody.xml")
        #expect(body.windowSize == PixelSize(width: 14, height: 28))
        #expect(body.model.hasTiltedFeatures)
        let lbp = try Fixtures.cascade("lbpcascades/lbpcascade_frontalface_improved.xml")
        #expect(lbp.featureType == "LBP")
        #expect(lbp.windowSize == PixelSize(width: 45, height: 45))
    }

    /// A small valid cascade, edited into broken variants below.
    static let tiny = """
        <?xml version="1.0"?>
        <opencv_storage>
        <cascade>
          <stageType>BOOST</stageType>
          <featureType>HAAR</featureType>
          <height>4</height>
          <width>4</width>
          <stageParams><maxWeakCount>1</maxWeakCount></stageParams>
          <featureParams><maxCatCount>0</maxCatCount></featureParams>
          <stageNum>1</stageNum>
          <stages>
            <_>
              <maxWeakCount>1</maxWeakCount>
              <stageThreshold>-1.</stageThreshold>
              <weakClassifiers>
                <_>
                  <internalNodes>0 -1 0 0.5</internalNodes>
                  <leafValues>-1. 1.</leafValues></_></weakClassifiers></_></stages>
          <features>
            <_>
              <rects>
                <_>0 0 4 4 -1.</_>
                <_>0 0 2 4 2.</_></rects></_></features></cascade>
        </opencv_storage>
        """

    @Test("a small hand-written cascade loads")
    func tinyLoads() throws {
        let cascade = try CascadeClassifier(xml: Array(Self.tiny.utf8), source: "tiny.xml")
        #expect(cascade.windowSize == PixelSize(width: 4, height: 4))
    }

    @Test(
        "broken files name the file, the line and the element",
        arguments: [
            ("<internalNodes>0 -1 0 0.5</internalNodes>", "<internalNodes>0 -1 0</internalNodes>", "internalNodes", 17),
            ("<leafValues>-1. 1.</leafValues>", "<leafValues>-1.</leafValues>", "leafValues", 18),
            ("<featureType>HAAR</featureType>", "<featureType>HOG</featureType>", "featureType", 5),
            ("<stageThreshold>-1.</stageThreshold>", "<stageThreshold>abc</stageThreshold>", "stageThreshold", 14),
            ("<_>0 0 2 4 2.</_>", "<_>0 0 9 4 2.</_>", "rects", nil),
            ("<internalNodes>0 -1 0 0.5</internalNodes>", "<internalNodes>0 -1 7 0.5</internalNodes>", "internalNodes", nil),
            ("</cascade>", "</cascad>", "cascade", 23),
        ] as [(String, String, String, Int?)])
    func brokenFiles(original: String, replacement: String, element: String, line: Int?) throws {
        let broken = Self.tiny.replacingOccurrences(of: original, with: replacement)
        #expect(broken != Self.tiny)
        let error = try #require(throws: CascadeLoadError.self) {
            try CascadeClassifier(xml: Array(broken.utf8), source: "models/broken.xml")
        }
        #expect(error.file == "models/broken.xml")
        #expect(error.element == element, "\(error)")
        if let line { #expect(error.line == line, "\(error)") }
        #expect(error.description.hasPrefix("models/broken.xml"))
    }

    @Test("a missing file says so")
    func missingFile() throws {
        let error = try #require(throws: CascadeLoadError.self) {
            try CascadeClassifier.load(contentsOf: "/nonexistent/cascade.xml")
        }
        #expect(error.description.contains("no such file"))
    }

    @Test("a truncated shipped cascade is rejected, not half-loaded")
    func truncatedShippedFile() throws {
        let bytes = [UInt8](
            try Data(contentsOf: URL(fileURLWithPath: Fixtures.cascadePath("haarcascades/haarcascade_frontalface_default.xml"))))
        #expect(throws: CascadeLoadError.self) {
            try CascadeClassifier(xml: Array(bytes.prefix(bytes.count / 2)), source: "half.xml")
        }
    }
}
