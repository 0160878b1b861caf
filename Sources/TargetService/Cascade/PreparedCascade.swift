/// A cascade with every feature turned into offsets into integral tables of one `stride` (OpenCV's
/// `OptFeature`s), laid out in evaluation order so the scan walks memory forwards. Each node carries what a
/// window needs to take its branch — offsets, weights, threshold, the leaf values of leaf children, the LBP
/// category set — so evaluation never chases a second array.
struct PreparedCascade {
    /// A Haar weak classifier node with its feature inlined: three rectangles × four corner offsets.
    struct HaarNode {
        var o: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32)
        var w0: Float
        var w1: Float
        /// 0 when the feature has two rectangles (OpenCV skips the third then).
        var w2: Float
        var threshold: Float
        var branch: Branch
    }

    /// An LBP node: its 3×3 block grid as 16 corner offsets and its 256-bit category set.
    struct LBPNode {
        var o: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32)
        var subset: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32)
        var branch: Branch
    }

    /// Where a node sends the window. A child index > 0 is a node of the same tree; ≤ 0 is a leaf, whose value
    /// is stored here (OpenCV looks it up in a separate leaves array).
    struct Branch {
        var left: Int32
        var right: Int32
        var leftLeaf: Float
        var rightLeaf: Float
        /// On a tree's root: how many nodes the tree has, i.e. the distance to the next tree's root.
        var treeSize: Int32
    }

    struct Stage {
        var threshold: Float
        var treeCount: Int
    }

    var stages: [Stage] = []
    var haarNodes: [HaarNode] = []
    var lbpNodes: [LBPNode] = []
    var isStumpBased: Bool
    /// Haar trees of up to this many nodes (at most 3) are evaluated whole and then select their leaf; tests
    /// set 0 to check the node-by-node walk against it.
    var speculativeTreeSize = 3
    /// Stump-based Haar cascades are scanned a row at a time, stage by stage (`HaarStumpRowScanner`); tests set
    /// false to check that against the window-by-window scan.
    var scansStumpRows = true
    /// Offsets of the variance window (the window inset by one pixel) and its area.
    var normOffsets: (Int32, Int32, Int32, Int32)
    var normArea: Double

    init(_ model: CascadeModel, stride: Int, tiltedOffset: Int) {
        let s = Int32(stride)
        isStumpBased = model.maxNodesPerTree == 1
        let nw = Int32(model.windowWidth - 2), nh = Int32(model.windowHeight - 2)
        normOffsets = (s + 1, s + 1 + nw, (1 + nh) * s + 1, (1 + nh) * s + 1 + nw)
        normArea = Double(nw) * Double(nh)

        var treeIndex = 0
        var nodeIndex = 0
        var leafIndex = 0
        for stage in model.stages {
            stages.append(Stage(threshold: stage.threshold, treeCount: stage.treeCount))
            for _ in 0..<stage.treeCount {
                let count = model.trees[treeIndex].nodeCount
                for n in 0..<count {
                    let node = model.nodes[nodeIndex + n]
                    let branch = Branch(
                        left: node.left, right: node.right,
                        leftLeaf: node.left <= 0 ? model.leaves[leafIndex - Int(node.left)] : 0,
                        rightLeaf: node.right <= 0 ? model.leaves[leafIndex - Int(node.right)] : 0,
                        treeSize: n == 0 ? Int32(count) : 0)
                    switch model.kind {
                    case .haar:
                        haarNodes.append(
                            Self.haarNode(
                                model.haarFeatures[Int(node.featureIndex)], threshold: node.threshold,
                                stride: s, tiltedOffset: Int32(tiltedOffset), branch: branch))
                    case .lbp:
                        let first = (nodeIndex + n) * CascadeModel.lbpSubsetWords
                        let w = Array(model.subsets[first..<(first + CascadeModel.lbpSubsetWords)])
                        lbpNodes.append(
                            Self.lbpNode(
                                model.lbpFeatures[Int(node.featureIndex)], stride: s,
                                subset: (w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]), branch: branch))
                    }
                }
                nodeIndex += count
                leafIndex += count + 1
                treeIndex += 1
            }
        }
    }

    private static func haarNode(
        _ feature: CascadeModel.HaarFeature, threshold: Float, stride s: Int32,
        tiltedOffset: Int32, branch: Branch
    ) -> HaarNode {
        var offsets = [Int32](repeating: 0, count: 12)
        var weights: [Float] = [0, 0, 0]
        for (r, rect) in feature.rects.prefix(3).enumerated() {
            weights[r] = rect.weight
            let (x, y, w, h) = (rect.x, rect.y, rect.width, rect.height)
            if feature.tilted {
                offsets[4 * r] = tiltedOffset + y * s + x
                offsets[4 * r + 1] = tiltedOffset + (y + h) * s + (x - h)
                offsets[4 * r + 2] = tiltedOffset + (y + w) * s + (x + w)
                offsets[4 * r + 3] = tiltedOffset + (y + w + h) * s + (x + w - h)
            } else {
                offsets[4 * r] = y * s + x
                offsets[4 * r + 1] = y * s + x + w
                offsets[4 * r + 2] = (y + h) * s + x
                offsets[4 * r + 3] = (y + h) * s + x + w
            }
        }
        let o = offsets
        return HaarNode(
            o: (o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7], o[8], o[9], o[10], o[11]),
            w0: weights[0], w1: weights[1], w2: weights[2], threshold: threshold, branch: branch)
    }

    private static func lbpNode(
        _ f: CascadeModel.LBPFeature, stride s: Int32,
        subset: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32), branch: Branch
    ) -> LBPNode {
        // Grid point (i, j) of the 4×4 corners of the 3×3 blocks, index j*4+i.
        var o = [Int32](repeating: 0, count: 16)
        for j in 0..<4 {
            for i in 0..<4 {
                o[j * 4 + i] = (f.y + Int32(j) * f.height) * s + f.x + Int32(i) * f.width
            }
        }
        return LBPNode(
            o: (o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7], o[8], o[9], o[10], o[11], o[12], o[13], o[14], o[15]),
            subset: subset, branch: branch)
    }
}
