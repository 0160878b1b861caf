import Testing
@testable import TargetService

@Suite("Stump cascades scanned a row at a time")
struct StumpRowScanTests {
    /// Stump-based Haar cascades: upright, tilted (fullbody), old format (licence plate), wide and small windows.
    static let cascades = [
        "haarcascades/haarcascade_frontalface_default.xml",
        "haarcascades/haarcascade_frontalface_alt.xml",
        "haarcascades/haarcascade_fullbody.xml",
        "haarcascades/haarcascade_licence_plate_rus_16stages.xml",
        "haarcascades/haarcascade_eye.xml",
    ]

    /// Photos, and synthetic images with flat regions (variance rejects) and an image exactly one window big.
    static let images = [
        "images/grace_hopper.jpg", "images/coffee.jpg", "synthetic/blocks_flat_mix.pgm", "synthetic/faces_03.pgm",
        "synthetic/exact_24x24.pgm",
    ]

    @Test(
        "the row scan finds the same raw candidates, in the same order, as the window-by-window scan",
        arguments: cascades)
    func rowScanMatchesWindowScan(_ cascadePath: String) throws {
        let cascade = try Fixtures.cascade(cascadePath)
        var compared = 0
        for imagePath in Self.images {
            let image = try Fixtures.grayImage(imagePath)
            for parameters in [
                DetectionParameters(scaleFactor: 1.1, minNeighbors: 0),
                DetectionParameters(scaleFactor: 1.35, minNeighbors: 0, minSize: PixelSize(width: 40, height: 40)),
            ] {
                let rows = cascade.rawCandidates(in: image, parameters: parameters)
                let windows = cascade.rawCandidates(in: image, parameters: parameters, scansStumpRows: false)
                #expect(rows == windows, "\(imagePath) scale factor \(parameters.scaleFactor)")
                compared += windows.count
            }
        }
        // The comparison means something only if windows passed every stage somewhere.
        #expect(compared > 0)
    }
}
