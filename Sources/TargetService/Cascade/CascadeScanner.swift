/// Slides the detection window over one pyramid level and evaluates the cascade at each position, exactly as
/// OpenCV's `CascadeClassifierInvoker` + `runAt` + `predictOrdered*`/`predictCategorical*` do.
enum CascadeScanner {
    /// Result of one window: 1 = passed every stage, 0 = rejected by stage 0 (the scan then skips a step),
    /// other values ≤ 0 = rejected later or by the variance check.
    typealias WindowResult = Int

    /// Raw views of a `PreparedCascade`'s arrays, taken once per level so the per-window code touches no
    /// reference counts or bounds checks.
    struct Pointers {
        var stages: UnsafeBufferPointer<PreparedCascade.Stage>
        var haarNodes: UnsafePointer<PreparedCascade.HaarNode>?
        var lbpNodes: UnsafePointer<PreparedCascade.LBPNode>?
        var isStumpBased: Bool
        /// Trees up to this many nodes are evaluated whole, then selected (`smallTreeLeaf`); larger ones walked.
        var speculativeTreeSize: Int
        var normOffsets: (Int32, Int32, Int32, Int32)
        var normArea: Double
    }

    static func scan(
        _ cascade: PreparedCascade, kind: CascadeModel.FeatureKind, integrals: IntegralImages,
        level: ScalePlan.Level, into candidates: inout [Box]
    ) {
        cascade.stages.withUnsafeBufferPointer { stages in
            cascade.haarNodes.withUnsafeBufferPointer { haarNodes in
                cascade.lbpNodes.withUnsafeBufferPointer { lbpNodes in
                    let pointers = Pointers(
                        stages: stages, haarNodes: haarNodes.baseAddress, lbpNodes: lbpNodes.baseAddress,
                        isStumpBased: cascade.isStumpBased,
                        speculativeTreeSize: cascade.speculativeTreeSize, normOffsets: cascade.normOffsets,
                        normArea: cascade.normArea)
                    if kind == .haar && cascade.isStumpBased && cascade.scansStumpRows {
                        scanRows(pointers, integrals: integrals, level: level, into: &candidates)
                    } else {
                        scan(pointers, kind: kind, integrals: integrals, level: level, into: &candidates)
                    }
                }
            }
        }
    }

    /// A stump-based Haar cascade, row by row and stage by stage (`HaarStumpRowScanner`).
    private static func scanRows(
        _ cascade: Pointers, integrals: IntegralImages, level: ScalePlan.Level, into candidates: inout [Box]
    ) {
        let stride = integrals.stride
        let sum = UnsafePointer(integrals.sum.baseAddress!)
        let squares = UnsafePointer(integrals.squaredSum.baseAddress!)
        let rows = HaarStumpRowScanner(cascade, positions: (level.columns + level.step - 1) / level.step)
        defer { rows.deallocate() }
        var y = 0
        while y < level.rowLimit {
            rows.scanRow(
                sum: sum + y * stride, squares: squares + y * stride, columns: level.columns, step: level.step
            ) { candidates.append(box(x: $0, y: y, level: level)) }
            y += level.step
        }
    }

    private static func scan(
        _ cascade: Pointers, kind: CascadeModel.FeatureKind, integrals: IntegralImages,
        level: ScalePlan.Level, into candidates: inout [Box]
    ) {
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
                if result == 1 { candidates.append(box(x: x, y: y, level: level)) }
                if result == 0 { x += step }
                x += step
            }
            y += step
        }
    }

    /// The detection box of the window at level position (x, y), in image pixels (float products, as OpenCV).
    private static func box(x: Int, y: Int, level: ScalePlan.Level) -> Box {
        Box(
            x: cvRound(Float(x) * level.scale), y: cvRound(Float(y) * level.scale),
            width: level.boxWidth, height: level.boxHeight)
    }

    @inline(__always)
    private static func rectSum(_ p: UnsafePointer<Int32>, _ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32) -> Int32 {
        p[Int(a)] &- p[Int(b)] &- p[Int(c)] &+ p[Int(d)]
    }

    /// The weighted rectangle sum of a Haar node's feature, before variance normalisation (float, as OpenCV).
    @inline(__always)
    private static func haarFeature(_ node: UnsafePointer<PreparedCascade.HaarNode>, _ p: UnsafePointer<Int32>) -> Float {
        let o = node.pointee.o
        var value =
            node.pointee.w0 * Float(rectSum(p, o.0, o.1, o.2, o.3))
            + node.pointee.w1 * Float(rectSum(p, o.4, o.5, o.6, o.7))
        if node.pointee.w2 != 0 {
            value += node.pointee.w2 * Float(rectSum(p, o.8, o.9, o.10, o.11))
        }
        return value
    }

    /// OpenCV's variance normalisation factor of a window, or nil when the window is flat (σ ≤ ~10 grey levels
    /// over the inner window) and rejected before any stage.
    @inline(__always)
    static func inverseNorm(_ cascade: Pointers, sum p: UnsafePointer<Int32>, squares q: UnsafePointer<UInt32>) -> Float? {
        let n = cascade.normOffsets
        let windowSum = rectSum(p, n.0, n.1, n.2, n.3)
        let windowSquares = q[Int(n.0)] &- q[Int(n.1)] &- q[Int(n.2)] &+ q[Int(n.3)]
        let area = cascade.normArea
        let normFactor = area * Double(windowSquares) - Double(windowSum) * Double(windowSum)
        guard normFactor > 0 else { return nil }
        let inverseNorm = Float(1 / normFactor.squareRoot())
        guard area * Double(inverseNorm) < 0.1 else { return nil }
        return inverseNorm
    }

    @inline(__always)
    private static func evaluateHaar(
        _ cascade: Pointers, sum p: UnsafePointer<Int32>,
        squares q: UnsafePointer<UInt32>
    ) -> WindowResult {
        guard let inverseNorm = inverseNorm(cascade, sum: p, squares: q) else { return -1 }
        var node = cascade.haarNodes!
        if cascade.isStumpBased {
            return evaluateStumps(cascade.stages, node, branch: \.branch) {
                haarFeature($0, p) * inverseNorm < $0.pointee.threshold
            }
        }
        for stageIndex in 0..<cascade.stages.count {
            let stage = cascade.stages[stageIndex]
            var stageSum = 0.0
            for _ in 0..<stage.treeCount {
                let root = node
                let size = Int(root.pointee.branch.treeSize)
                if size <= cascade.speculativeTreeSize {
                    stageSum += Double(smallTreeLeaf(root, size: size, p, inverseNorm))
                    node = root + size
                    continue
                }
                stageSum += Double(walk(root, branch: \.branch) { haarFeature($0, p) * inverseNorm < $0.pointee.threshold })
                node = root + size
            }
            if stageSum < Double(stage.threshold) { return -stageIndex }
        }
        return 1
    }

    /// A cascade of single-node trees (OpenCV's `predictOrderedStump`/`predictCategoricalStump`): per stage, the
    /// double sum of each stump's leaf, compared with the stage threshold. Returns 1 or −(rejecting stage).
    @inline(__always)
    private static func evaluateStumps<Node>(
        _ stages: UnsafeBufferPointer<PreparedCascade.Stage>,
        _ first: UnsafePointer<Node>, branch: KeyPath<Node, PreparedCascade.Branch>,
        goesLeft: (UnsafePointer<Node>) -> Bool
    ) -> WindowResult {
        var node = first
        for stageIndex in 0..<stages.count {
            let stage = stages[stageIndex]
            var stageSum = 0.0
            for _ in 0..<stage.treeCount {
                let leaves = node.pointee[keyPath: branch]
                stageSum += Double(goesLeft(node) ? leaves.leftLeaf : leaves.rightLeaf)
                node += 1
            }
            if stageSum < Double(stage.threshold) { return -stageIndex }
        }
        return 1
    }

    /// The leaf a window reaches from `root`, following `goesLeft` node by node (OpenCV's `predictOrdered` walk).
    @inline(__always)
    private static func walk<Node>(
        _ root: UnsafePointer<Node>, branch: KeyPath<Node, PreparedCascade.Branch>,
        goesLeft: (UnsafePointer<Node>) -> Bool
    ) -> Float {
        var current = root
        while true {
            let left = goesLeft(current)
            let next = current.pointee[keyPath: branch]
            let child = left ? next.left : next.right
            if child <= 0 { return left ? next.leftLeaf : next.rightLeaf }
            current = root + Int(child)
        }
    }

    /// The leaf a window reaches in a tree of at most three nodes. Every node's comparison is computed up front
    /// and the walk then only selects: the extra feature costs less than the mispredicted branch it replaces, and
    /// the comparisons are the same ones OpenCV makes, so the leaf is too.
    @inline(__always)
    private static func smallTreeLeaf(
        _ root: UnsafePointer<PreparedCascade.HaarNode>, size: Int,
        _ p: UnsafePointer<Int32>, _ inverseNorm: Float
    ) -> Float {
        let left0 = haarFeature(root, p) * inverseNorm < root.pointee.threshold
        let left1 = size > 1 && haarFeature(root + 1, p) * inverseNorm < root[1].threshold
        let left2 = size > 2 && haarFeature(root + 2, p) * inverseNorm < root[2].threshold
        var current = 0
        var leaf: Float = 0
        var done = false
        for _ in 0..<size {
            let goLeft = current == 0 ? left0 : (current == 1 ? left1 : left2)
            let branch = root[current].branch
            let child = goLeft ? branch.left : branch.right
            let value = goLeft ? branch.leftLeaf : branch.rightLeaf
            let reachesLeaf = !done && child <= 0
            leaf = reachesLeaf ? value : leaf
            done = done || child <= 0
            current = child > 0 ? Int(child) : current
        }
        return leaf
    }

    /// The 8-bit local binary pattern of a node's 3×3 block grid around the centre block. The 16 grid corners
    /// are read once each; the nine block sums are differences of them.
    @inline(__always)
    private static func lbpCode(_ node: UnsafePointer<PreparedCascade.LBPNode>, _ p: UnsafePointer<Int32>) -> Int {
        let o = node.pointee.o
        let g0 = p[Int(o.0)], g1 = p[Int(o.1)], g2 = p[Int(o.2)], g3 = p[Int(o.3)]
        let g4 = p[Int(o.4)], g5 = p[Int(o.5)], g6 = p[Int(o.6)], g7 = p[Int(o.7)]
        let g8 = p[Int(o.8)], g9 = p[Int(o.9)], g10 = p[Int(o.10)], g11 = p[Int(o.11)]
        let g12 = p[Int(o.12)], g13 = p[Int(o.13)], g14 = p[Int(o.14)], g15 = p[Int(o.15)]
        @inline(__always) func block(_ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32) -> Int32 { a &- b &- c &+ d }
        let center = block(g5, g6, g9, g10)
        var code = 0
        if block(g0, g1, g4, g5) >= center { code |= 128 }
        if block(g1, g2, g5, g6) >= center { code |= 64 }
        if block(g2, g3, g6, g7) >= center { code |= 32 }
        if block(g6, g7, g10, g11) >= center { code |= 16 }
        if block(g10, g11, g14, g15) >= center { code |= 8 }
        if block(g9, g10, g13, g14) >= center { code |= 4 }
        if block(g8, g9, g12, g13) >= center { code |= 2 }
        if block(g4, g5, g8, g9) >= center { code |= 1 }
        return code
    }

    /// Whether the node's category set contains `code` (OpenCV's categorical split: set → left).
    @inline(__always)
    private static func goesLeft(_ node: UnsafePointer<PreparedCascade.LBPNode>, code: Int) -> Bool {
        let word = UnsafeRawPointer(node).load(
            fromByteOffset: MemoryLayout<PreparedCascade.LBPNode>.offset(of: \.subset)! + (code >> 5) * 4, as: Int32.self)
        return (word & (1 << Int32(code & 31))) != 0
    }

    @inline(__always)
    private static func evaluateLBP(_ cascade: Pointers, sum p: UnsafePointer<Int32>) -> WindowResult {
        var node = cascade.lbpNodes!
        if cascade.isStumpBased {
            return evaluateStumps(cascade.stages, node, branch: \.branch) { goesLeft($0, code: lbpCode($0, p)) }
        }
        for stageIndex in 0..<cascade.stages.count {
            let stage = cascade.stages[stageIndex]
            var stageSum = 0.0
            for _ in 0..<stage.treeCount {
                let root = node
                stageSum += Double(walk(root, branch: \.branch) { goesLeft($0, code: lbpCode($0, p)) })
                node = root + Int(root.pointee.branch.treeSize)
            }
            if stageSum < Double(stage.threshold) { return -stageIndex }
        }
        return 1
    }
}
