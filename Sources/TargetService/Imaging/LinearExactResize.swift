/// OpenCV's `resize(..., INTER_LINEAR_EXACT)` for 8-bit single-channel images, bit for bit: 8.8 fixed-point
/// horizontal weights, 16.16 vertical accumulation, rounding `+32768 >> 16`, edge pixels replicated.
enum LinearExactResize {
    /// Per destination coordinate: the source index and the weight (0...256) of the next source sample.
    /// A weight of 0 with `replicate` means "copy the clamped sample" (OpenCV handles those spans separately).
    struct AxisTap {
        var index: Int
        var weight1: Int32
        var replicate: Bool
    }

    static func taps(source: Int, destination: Int) -> [AxisTap] {
        // OpenCV recomputes the inverse scale from the sizes (resize.cpp, dsize given).
        let scale = 1.0 / (Double(destination) / Double(source))
        var taps: [AxisTap] = []
        taps.reserveCapacity(destination)
        var pastEnd = false
        for d in 0..<destination {
            let f = scale * (Double(d) + 0.5) - 0.5
            let i = Int(f.rounded(.down))
            if pastEnd || i >= source - 1 {
                pastEnd = true
                taps.append(AxisTap(index: source - 1, weight1: 0, replicate: true))
            } else if i < 0 {
                taps.append(AxisTap(index: 0, weight1: 0, replicate: true))
            } else {
                let w1 = Int32(((f - Double(i)) * 256).rounded(.toNearestOrEven))
                taps.append(AxisTap(index: i, weight1: w1, replicate: false))
            }
        }
        return taps
    }

    /// Resizes `source` to `width` × `height` into `output` (width*height bytes).
    static func resize(
        _ source: UnsafeBufferPointer<UInt8>, width sourceWidth: Int, height sourceHeight: Int,
        into output: UnsafeMutableBufferPointer<UInt8>, width: Int, height: Int
    ) {
        if width == sourceWidth && height == sourceHeight {
            _ = output.initialize(from: source)
            return
        }
        let xTaps = taps(source: sourceWidth, destination: width)
        let yTaps = taps(source: sourceHeight, destination: height)
        // Horizontally interpolated rows in 8.8 fixed point; two are live at a time, cached by source row.
        let rowA = UnsafeMutableBufferPointer<Int32>.allocate(capacity: width)
        let rowB = UnsafeMutableBufferPointer<Int32>.allocate(capacity: width)
        defer {
            rowA.deallocate()
            rowB.deallocate()
        }
        var rowAIndex = -1
        var rowBIndex = -1
        let src = source.baseAddress!
        func horizontal(_ row: Int, into buffer: UnsafeMutableBufferPointer<Int32>) {
            let p = src + row * sourceWidth
            for d in 0..<width {
                let tap = xTaps[d]
                if tap.replicate {
                    buffer[d] = Int32(p[tap.index]) << 8
                } else {
                    buffer[d] = (256 - tap.weight1) * Int32(p[tap.index]) + tap.weight1 * Int32(p[tap.index + 1])
                }
            }
        }
        // Returns a buffer holding horizontal row `row`, reusing the two cached rows when possible.
        func cachedRow(_ row: Int, avoiding other: Int) -> UnsafeMutableBufferPointer<Int32> {
            if rowAIndex == row { return rowA }
            if rowBIndex == row { return rowB }
            if rowAIndex != other {
                horizontal(row, into: rowA)
                rowAIndex = row
                return rowA
            }
            horizontal(row, into: rowB)
            rowBIndex = row
            return rowB
        }
        let out = output.baseAddress!
        for y in 0..<height {
            let tap = yTaps[y]
            let o = out + y * width
            if tap.replicate {
                let h = cachedRow(tap.index, avoiding: -1)
                for x in 0..<width { o[x] = UInt8(truncatingIfNeeded: (h[x] + 128) >> 8) }
            } else {
                let top = cachedRow(tap.index, avoiding: tap.index + 1)
                let bottom = cachedRow(tap.index + 1, avoiding: tap.index)
                let w1 = tap.weight1
                let w0 = 256 - w1
                for x in 0..<width {
                    o[x] = UInt8(truncatingIfNeeded: (top[x] &* w0 &+ bottom[x] &* w1 &+ 32768) >> 16)
                }
            }
        }
    }
}
