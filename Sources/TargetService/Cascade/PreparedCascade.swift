/// A cascade with every feature turned into offsets into integral tables of one `stride` (OpenCV's
/// `OptFeature`s), laid out in evaluation order so the scan walks memory forwards.
struct PreparedCascade {
    /// A Haar weak classifier node with its feature inlined: three rectangles × four corner offsets.
    struct HaarNode {
        var o: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32)
        var w0: Float
        var w1: Float
        /// 0 when the feature has two rectangles (OpenCV skips the third then).
        var w2: Float
        var threshold: Float
        /// Stumps: the leaf values. Trees: child indices as Float-free ints in `left`/`right` below.
        var leftLeaf: Float
        var rightLeaf: Float
        var left: Int32
        var right: Int32
    }

    /// An LBP node with its 3×3 block grid as 16 corner offsets.
    struct LBPNode {
        var o: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32)
        var leftLeaf: Float
        var rightLeaf: Float
        var left: Int32
        var right: Int32
    }

    struct StageInfo {
        var threshold: Float
        var nodeStart: Int
        var treeCount: Int
    }

    var stages: [StageInfo] = []
    /// Trees' node counts and first leaf, for non-stump cascades.
    var treeNodeCounts: [Int] = []
    var haarNodes: [HaarNode] = []
    var lbpNodes: [LBPNode] = []
    /// LBP: eight Int32 words (a 256-bit category set) per node, in `lbpNodes` order.
    var lbpSubsets: [Int32] = []
    var leaves: [Float]
    var isStumpBased: Bool
    /// Offsets of the variance window (the window inset by one pixel) and its area.
    var normOffsets: (Int32, Int32, Int32, Int32)
    var normArea: Double

    init(_ model: CascadeModel, stride: Int, tiltedOffset: Int) {
        let s = Int32(stride)
        leaves = model.leaves
        isStumpBased = model.maxNodesPerTree == 1
        let nw = Int32(model.windowWidth - 2), nh = Int32(model.windowHeight - 2)
        normOffsets = (s + 1, s + 1 + nw, (1 + nh) * s + 1, (1 + nh) * s + 1 + nw)
        normArea = Double(nw) * Double(nh)

        var treeIndex = 0
        var nodeIndex = 0
        var leafIndex = 0
        for stage in model.stages {
            stages.append(StageInfo(threshold: stage.threshold, nodeStart: nodeIndex, treeCount: stage.treeCount))
            for _ in 0..<stage.treeCount {
                let count = model.trees[treeIndex].nodeCount
                treeNodeCounts.append(count)
                for n in 0..<count {
                    let node = model.nodes[nodeIndex + n]
                    // For stumps the leaves are inlined; trees look leaves up by index.
                    let leftLeaf = count == 1 ? model.leaves[leafIndex] : 0
                    let rightLeaf = count == 1 ? model.leaves[leafIndex + 1] : 0
                    switch model.kind {
                    case .haar:
                        haarNodes.append(Self.haarNode(model.haarFeatures[Int(node.featureIndex)], node: node, stride: s,
                                                       tiltedOffset: Int32(tiltedOffset), leftLeaf: leftLeaf, rightLeaf: rightLeaf))
                    case .lbp:
                        let first = (nodeIndex + n) * CascadeModel.lbpSubsetWords
                        lbpSubsets.append(contentsOf: model.subsets[first..<(first + CascadeModel.lbpSubsetWords)])
                        lbpNodes.append(Self.lbpNode(model.lbpFeatures[Int(node.featureIndex)], node: node, stride: s,
                                                     leftLeaf: leftLeaf, rightLeaf: rightLeaf))
                    }
                }
                nodeIndex += count
                leafIndex += count + 1
                treeIndex += 1
            }
        }
    }

    private static func haarNode(_ feature: CascadeModel.HaarFeature, node: CascadeModel.Node, stride s: Int32,
                                 tiltedOffset: Int32, leftLeaf: Float, rightLeaf: Float) -> HaarNode {
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
        return HaarNode(o: (o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7], o[8], o[9], o[10], o[11]),
                        w0: weights[0], w1: weights[1], w2: weights[2], threshold: node.threshold,
                        leftLeaf: leftLeaf, rightLeaf: rightLeaf, left: node.left, right: node.right)
    }

    private static func lbpNode(_ f: CascadeModel.LBPFeature, node: CascadeModel.Node, stride s: Int32,
                                leftLeaf: Float, rightLeaf: Float) -> LBPNode {
        // Grid point (i, j) of the 4×4 corners of the 3×3 blocks, index j*4+i.
        var o = [Int32](repeating: 0, count: 16)
        for j in 0..<4 {
            for i in 0..<4 {
                o[j * 4 + i] = (f.y + Int32(j) * f.height) * s + f.x + Int32(i) * f.width
            }
        }
        return LBPNode(o: (o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7], o[8], o[9], o[10], o[11], o[12], o[13], o[14], o[15]),
                       leftLeaf: leftLeaf, rightLeaf: rightLeaf, left: node.left, right: node.right)
    }
}
