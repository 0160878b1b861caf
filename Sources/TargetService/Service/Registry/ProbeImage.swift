/// A small generated image every new cascade is run on before it is accepted or switched to: proves the cascade
/// evaluates without trouble and warms its memory, off the request path.
enum ProbeImage {
    /// 96×96 gray: a gradient with a dark blob in the middle, so evaluation gets past the first stages.
    static let image: GrayImage = {
        let size = 96
        var pixels = [UInt8](repeating: 0, count: size * size)
        for y in 0..<size {
            for x in 0..<size {
                let dx = x - size / 2, dy = y - size / 2
                let inBlob = dx * dx + dy * dy < 20 * 20
                pixels[y * size + x] = inBlob ? UInt8(40 + (x + y) % 16) : UInt8(120 + (x * 2 + y) % 100)
            }
        }
        return GrayImage(width: size, height: size, pixels: pixels)
    }()
}
