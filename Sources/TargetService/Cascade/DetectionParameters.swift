/// A width × height pair in pixels, as OpenCV's `Size` (0 × 0 means "not set").
public struct PixelSize: Sendable, Hashable, Codable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public static let zero = PixelSize(width: 0, height: 0)

    /// Parses "WxH" (e.g. "30x30").
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w >= 0, h >= 0 else { return nil }
        self.init(width: w, height: h)
    }

    public var description: String { "\(width)x\(height)" }
}

/// The knobs of `detectMultiScale`, with OpenCV's defaults.
public struct DetectionParameters: Sendable, Hashable, Codable {
    public var scaleFactor: Double
    public var minNeighbors: Int
    public var minSize: PixelSize
    /// 0 × 0 means "the image size".
    public var maxSize: PixelSize

    public init(scaleFactor: Double = 1.1, minNeighbors: Int = 3, minSize: PixelSize = .zero, maxSize: PixelSize = .zero) {
        self.scaleFactor = scaleFactor
        self.minNeighbors = minNeighbors
        self.minSize = minSize
        self.maxSize = maxSize
    }

    /// Why these parameters cannot be used, or nil when they can.
    public var validationError: String? {
        if !(scaleFactor > 1.0) || !scaleFactor.isFinite {
            return "scale factor must be a finite number > 1 (got \(scaleFactor))"
        }
        if minNeighbors < 0 { return "min neighbors must be >= 0 (got \(minNeighbors))" }
        if minSize.width < 0 || minSize.height < 0 || maxSize.width < 0 || maxSize.height < 0 {
            return "sizes must not be negative"
        }
        return nil
    }
}

/// An axis-aligned box in image pixels: x, y of the top-left corner, width, height.
public struct Box: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var array: [Int] { [x, y, width, height] }

    public static func < (a: Box, b: Box) -> Bool { a.array.lexicographicallyPrecedes(b.array) }

    public var description: String { "[\(x),\(y),\(width),\(height)]" }
}

/// One detected object: its box and how many raw candidates were merged into it (OpenCV's `numDetections`).
public struct Detection: Sendable, Hashable, Codable {
    public var box: Box
    public var neighbors: Int

    public init(box: Box, neighbors: Int) {
        self.box = box
        self.neighbors = neighbors
    }
}
