/// Slides the detection window over one pyramid level and evaluates the cascade at each position, exactly as
/// OpenCV's `CascadeClassifierInvoker` + `runAt` + `predictOrdered*`/`predictCategorical*` do.
enum CascadeScanner {
    /// Result of one window: 1 = passed every stage, 0 = rejected by stage 0 (the scan then skips a step),
    /// other values ≤ 0 = rejected later or by the variance check.
    typealias WindowResult = Int

    /// Raw views of a `PreparedCascade`'s arrays, taken once per level so the per-window code touches no
    /// reference counts or bounds checks.
    struct Pointers {
        var stages: UnsafeBufferPointer<PreparedCascade.StageInfo>
        var treeNodeCounts: UnsafePointer<Int>
        var haarNodes: UnsafePointer<PreparedCascade.HaarNode>?
        var lbpNodes: UnsafePointer<PreparedCascade.LBPNode>?
        var lbpSubsets: UnsafePointer<Int32>?
        var leaves: UnsafePointer<Float>
        var isStumpBased: Bool
        var normOffsets: (Int32, Int32, Int32, Int32)
        var normArea: Double
    }

    static func scan(_ cascade: PreparedCascade, kind: CascadeModel.FeatureKind, integrals: IntegralImages,
                     level: ScalePlan.Level, into candidates: inout [Box]) {
        cascade.stages.withUnsafeBufferPointer { stages in
        cascade.treeNodeCounts.withUnsafeBufferPointer { treeNodeCounts in
        cascade.haarNodes.withUnsafeBufferPointer { haarNodes in
        cascade.lbpNodes.withUnsafeBufferPointer { lbpNodes in
        cascade.lbpSubsets.withUnsafeBufferPointer { lbpSubsets in
        cascade.leaves.withUnsafeBufferPointer { leaves in
            let pointers = Pointers(stages: stages, treeNodeCounts: treeNodeCounts.baseAddress!,
                                    haarNodes: haarNodes.baseAddress, lbpNodes: lbpNodes.baseAddress,
                                    lbpSubsets: lbpSubsets.baseAddress, leaves: leaves.baseAddress!,
                                    isStumpBased: cascade.isStumpBased, normOffsets: cascade.normOffsets,
                                    normArea: cascade.normArea)
            scan(pointers, kind: kind, integrals: integrals, level: level, into: &candidates)
        }}}}}}
    }

    private static func scan(_ cascade: Pointers, kind: CascadeModel.FeatureKind, integrals: IntegralImages,
                             level: ScalePlan.Level, into candidates: inout [Box]) {
        let stride = integrals.stride
        let sum = UnsafePointer(integrals.sum.baseAddress!)
        let squares = UnsafePointer(integrals.squaredSum.baseAddress!)
        let step = level.step
        var y = 0
        while y < level.rowLimit {
            var x = 0
            while x < level.columns {
                let base = y * stride + x
                let result: WindowResult
                switch kind {
                case .haar: result = evaluateHaar(cascade, sum: sum + base, squares: squares + base)
                case .lbp: result = evaluateLBP(cascade, sum: sum + base)
                }
                if result == 1 {
                    candidates.append(Box(x: cvRound(Float(x) * level.scale), y: cvRound(Float(y) * level.scale),
                                          width: level.boxWidth, height: level.boxHeight))
                }
                if result == 0 { x += step }
                x += step
            }
            y += step
        }
    }

    @inline(__always)
    private static func rectSum(_ p: UnsafePointer<Int32>, _ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32) -> Int32 {
        p[Int(a)] &- p[Int(b)] &- p[Int(c)] &+ p[Int(d)]
    }

    /// The weighted rectangle sum of a Haar node's feature, before variance normalisation (float, as OpenCV).
    @inline(__always)
    private static func haarFeature(_ node: UnsafePointer<PreparedCascade.HaarNode>, _ p: UnsafePointer<Int32>) -> Float {
        let o = node.pointee.o
        var value = node.pointee.w0 * Float(rectSum(p, o.0, o.1, o.2, o.3))
            + node.pointee.w1 * Float(rectSum(p, o.4, o.5, o.6, o.7))
        if node.pointee.w2 != 0 {
            value += node.pointee.w2 * Float(rectSum(p, o.8, o.9, o.10, o.11))
        }
        return value
    }

    @inline(__always)
    private static func evaluateHaar(_ cascade: Pointers, sum p: UnsafePointer<Int32>,
                                     squares q: UnsafePointer<UInt32>) -> WindowResult {
        let n = cascade.normOffsets
        let windowSum = rectSum(p, n.0, n.1, n.2, n.3)
        let windowSquares = q[Int(n.0)] &- q[Int(n.1)] &- q[Int(n.2)] &+ q[Int(n.3)]
        let area = cascade.normArea
        var normFactor = area * Double(windowSquares) - Double(windowSum) * Double(windowSum)
        // Flat windows (σ ≤ ~10 grey levels over the inner window) are rejected before any stage.
        guard normFactor > 0 else { return -1 }
        normFactor = normFactor.squareRoot()
        let inverseNorm = Float(1 / normFactor)
        guard area * Double(inverseNorm) < 0.1 else { return -1 }

        let base = cascade.haarNodes!
        if cascade.isStumpBased {
            var node = base
            for stageIndex in 0..<cascade.stages.count {
                let stage = cascade.stages[stageIndex]
                var stageSum = 0.0
                for _ in 0..<stage.treeCount {
                    let value = haarFeature(node, p) * inverseNorm
                    stageSum += Double(value < node.pointee.threshold ? node.pointee.leftLeaf : node.pointee.rightLeaf)
                    node += 1
                }
                if stageSum < Double(stage.threshold) { return -stageIndex }
            }
            return 1
        }
        var root = 0
        var leafStart = 0
        var tree = 0
        for stageIndex in 0..<cascade.stages.count {
            let stage = cascade.stages[stageIndex]
            var stageSum = 0.0
            for _ in 0..<stage.treeCount {
                var index: Int32 = 0
                repeat {
                    let node = base + root + Int(index)
                    let value = haarFeature(node, p) * inverseNorm
                    index = value < node.pointee.threshold ? node.pointee.left : node.pointee.right
                } while index > 0
                stageSum += Double(cascade.leaves[leafStart - Int(index)])
                let count = cascade.treeNodeCounts[tree]
                root += count
                leafStart += count + 1
                tree += 1
            }
            if stageSum < Double(stage.threshold) { return -stageIndex }
        }
        return 1
    }

    /// The 8-bit local binary pattern of a node's 3×3 block grid around the centre block.
    @inline(__always)
    private static func lbpCode(_ node: UnsafePointer<PreparedCascade.LBPNode>, _ p: UnsafePointer<Int32>) -> Int {
        let o = node.pointee.o
        let center = rectSum(p, o.5, o.6, o.9, o.10)
        var code = 0
        if rectSum(p, o.0, o.1, o.4, o.5) >= center { code |= 128 }
        if rectSum(p, o.1, o.2, o.5, o.6) >= center { code |= 64 }
        if rectSum(p, o.2, o.3, o.6, o.7) >= center { code |= 32 }
        if rectSum(p, o.6, o.7, o.10, o.11) >= center { code |= 16 }
        if rectSum(p, o.10, o.11, o.14, o.15) >= center { code |= 8 }
        if rectSum(p, o.9, o.10, o.13, o.14) >= center { code |= 4 }
        if rectSum(p, o.8, o.9, o.12, o.13) >= center { code |= 2 }
        if rectSum(p, o.4, o.5, o.8, o.9) >= center { code |= 1 }
        return code
    }

    @inline(__always)
    private static func evaluateLBP(_ cascade: Pointers, sum p: UnsafePointer<Int32>) -> WindowResult {
        let base = cascade.lbpNodes!
        let subsets = cascade.lbpSubsets!
        var root = 0
        var leafStart = 0
        var tree = 0
        for stageIndex in 0..<cascade.stages.count {
            let stage = cascade.stages[stageIndex]
            var stageSum = 0.0
            for _ in 0..<stage.treeCount {
                var index: Int32 = 0
                var leaf: Float = 0
                repeat {
                    let nodeIndex = root + Int(index)
                    let node = base + nodeIndex
                    let code = lbpCode(node, p)
                    let word = subsets[nodeIndex &* 8 &+ (code >> 5)]
                    // A set bit for this pattern sends the window left (OpenCV's categorical split).
                    let goLeft = (word & (1 << Int32(code & 31))) != 0
                    if cascade.isStumpBased {
                        leaf = goLeft ? node.pointee.leftLeaf : node.pointee.rightLeaf
                        break
                    }
                    index = goLeft ? node.pointee.left : node.pointee.right
                    if index <= 0 { leaf = cascade.leaves[leafStart - Int(index)] }
                } while index > 0
                stageSum += Double(leaf)
                let count = cascade.treeNodeCounts[tree]
                root += count
                leafStart += count + 1
                tree += 1
            }
            if stageSum < Double(stage.threshold) { return -stageIndex }
        }
        return 1
    }
}
