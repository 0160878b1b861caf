/// Summed-area tables of one pyramid level, laid out with a fixed `stride` so precomputed feature offsets work
/// for every level. Like OpenCV they are 32-bit and wrap on large images; window sums are differences, which
/// wrapping arithmetic gets right as long as the window's own sum fits.
final class IntegralImages {
    let stride: Int
    let capacityRows: Int
    /// Upright sums, followed at `tiltedOffset` by the rotated (45°) sums when the cascade has tilted features,
    /// so one base pointer plus a precomputed offset reaches either table (as OpenCV's packed buffer does).
    let sum: UnsafeMutableBufferPointer<Int32>
    let squaredSum: UnsafeMutableBufferPointer<UInt32>
    let tiltedOffset: Int
    let hasTilted: Bool
    /// Padded scratch rows for the tilted recurrence.
    private let tiltedScratch: UnsafeMutableBufferPointer<Int32>?
    private let tiltedPadding: Int

    /// Room for images up to `maxWidth` × `maxHeight`.
    init(maxWidth: Int, maxHeight: Int, squared: Bool, tilted: Bool) {
        stride = maxWidth + 1
        capacityRows = maxHeight + 1
        let count = stride * capacityRows
        tiltedOffset = count
        hasTilted = tilted
        sum = .allocate(capacity: tilted ? 2 * count : count)
        squaredSum = .allocate(capacity: squared ? count : 1)
        tiltedPadding = maxHeight + 2
        tiltedScratch = tilted ? .allocate(capacity: 3 * (stride + 2 * tiltedPadding)) : nil
    }

    deinit {
        sum.deallocate()
        squaredSum.deallocate()
        tiltedScratch?.deallocate()
    }

    /// Fills the tables for `image` (width × height ≤ the capacity), rows of `width` bytes.
    func compute(_ image: UnsafePointer<UInt8>, width: Int, height: Int, squared: Bool) {
        let s = sum.baseAddress!
        let q = squaredSum.baseAddress!
        for x in 0...width { s[x] = 0 }
        if squared { for x in 0...width { q[x] = 0 } }
        for y in 0..<height {
            let row = image + y * width
            let above = (y) * stride
            let here = (y + 1) * stride
            s[here] = 0
            var rowSum: Int32 = 0
            if squared {
                q[here] = 0
                var rowSquares: UInt32 = 0
                for x in 0..<width {
                    let v = Int32(row[x])
                    rowSum &+= v
                    rowSquares &+= UInt32(v * v)
                    s[here + x + 1] = s[above + x + 1] &+ rowSum
                    q[here + x + 1] = q[above + x + 1] &+ rowSquares
                }
            } else {
                for x in 0..<width {
                    rowSum &+= Int32(row[x])
                    s[here + x + 1] = s[above + x + 1] &+ rowSum
                }
            }
        }
        if hasTilted { computeTilted(image, width: width, height: height) }
    }

    /// T(X, Y) = Σ I(x, y) over y < Y and |x − X + 1| ≤ Y − 1 − y, via the recurrence
    /// T(X,Y) = T(X−1,Y−1) + T(X+1,Y−1) − T(X,Y−2) + I(X−1,Y−1) + I(X−1,Y−2). The triangles reach outside the
    /// image, so rows are padded by `height + 2` columns each side; row Y only needs columns within
    /// `height − Y` of the image to feed the rows below it, and every read stays inside what was written.
    private func computeTilted(_ image: UnsafePointer<UInt8>, width: Int, height: Int) {
        let t = sum.baseAddress! + tiltedOffset
        let pad = height + 2
        let rowLength = width + 1 + 2 * pad
        let scratch = tiltedScratch!.baseAddress!
        // Three rolling padded rows: Y-2, Y-1, Y.
        var rows = (scratch, scratch + rowLength, scratch + 2 * rowLength)
        for i in 0..<(3 * rowLength) { scratch[i] = 0 }
        for x in 0...width { t[x] = 0 }
        guard height > 0 else { return }
        for y in 1...height {
            let (older, previous, current) = rows
            let reach = height - y
            for p in (pad - reach)...(pad + width + reach) {
                current[p] = previous[p - 1] &+ previous[p + 1] &- older[p]
            }
            // Image column c sits at X = c + 1.
            let imageRow1 = image + (y - 1) * width
            let base = current + pad + 1
            for c in 0..<width { base[c] &+= Int32(imageRow1[c]) }
            if y >= 2 {
                let imageRow2 = image + (y - 2) * width
                for c in 0..<width { base[c] &+= Int32(imageRow2[c]) }
            }
            let out = t + y * stride
            for X in 0...width { out[X] = current[X + pad] }
            rows = (previous, current, older)
        }
    }
}
