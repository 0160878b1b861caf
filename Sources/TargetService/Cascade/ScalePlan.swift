/// The pyramid `detectMultiScaleNoGrouping` scans: which scales, each level's size and step, and the stripe row
/// limit. Pure arithmetic, kept apart from pixels so it can be tested and reasoned about on its own.
struct ScalePlan: Equatable {
    struct Level: Equatable {
        var scale: Float
        /// The resized image.
        var width: Int
        var height: Int
        /// Window step in level pixels, for x and y: 2 below scale 2, else 1.
        var step: Int
        /// Top-left window positions are x < columns, y < rowLimit (OpenCV's stripes can cut the last row).
        var columns: Int
        var rowLimit: Int
        /// The detection box size in image pixels.
        var boxWidth: Int
        var boxHeight: Int
    }

    var levels: [Level]

    init(imageWidth: Int, imageHeight: Int, windowWidth: Int, windowHeight: Int, parameters: DetectionParameters) {
        levels = []
        var maxSize = parameters.maxSize
        if maxSize.width == 0 || maxSize.height == 0 { maxSize = PixelSize(width: imageWidth, height: imageHeight) }
        if imageWidth < windowWidth || imageHeight < windowHeight { return }

        // All scales whose window fits, as double products stored as float (cascadedetect.cpp).
        var allScales: [Float] = []
        var factor = 1.0
        while true {
            let w = cvRound(Double(windowWidth) * factor), h = cvRound(Double(windowHeight) * factor)
            if w > imageWidth || h > imageHeight { break }
            allScales.append(Float(factor))
            factor *= parameters.scaleFactor
        }
        func windowSize(_ s: Float) -> (Int, Int) {
            (cvRound(Float(windowWidth) * s), cvRound(Float(windowHeight) * s))
        }
        var scales: [Float] = []
        for s in allScales {
            let (w, h) = windowSize(s)
            if w > maxSize.width || h > maxSize.height { break }
            if w < parameters.minSize.width || h < parameters.minSize.height { continue }
            scales.append(s)
        }
        // No scale in range: OpenCV falls back to the one whose window is nearest minSize (L2), first on ties.
        if scales.isEmpty, !allScales.isEmpty {
            var best = 0
            var bestDistance = Double.infinity
            for (i, s) in allScales.enumerated() {
                let (w, h) = windowSize(s)
                let dw = Double(parameters.minSize.width - w), dh = Double(parameters.minSize.height - h)
                let d = dw * dw + dh * dh
                if d < bestDistance {
                    bestDistance = d
                    best = i
                }
            }
            scales.append(allScales[best])
        }
        guard !scales.isEmpty else { return }

        var sizes: [(Int, Int)] = []
        for s in scales {
            sizes.append((cvRound(Float(imageWidth) / s), cvRound(Float(imageHeight) / s)))
        }
        let firstColumns = max(sizes[0].0 + 1 - windowWidth, 0)
        let stripes = Int((Double(firstColumns) / 32).rounded(.up))
        if stripes == 0 { return }
        for (i, s) in scales.enumerated() {
            let (width, height) = sizes[i]
            let step = s >= 2 ? 1 : 2
            let columns = max(width + 1 - windowWidth, 0)
            let rows = max(height + 1 - windowHeight, 0)
            let stripe = max((rows / step + stripes - 1) / stripes, 1) * step
            let (boxWidth, boxHeight) = windowSize(s)
            levels.append(
                Level(
                    scale: s, width: width, height: height, step: step, columns: columns,
                    rowLimit: min(stripes * stripe, rows), boxWidth: boxWidth, boxHeight: boxHeight))
        }
    }
}
