/// A boosted cascade flattened the way OpenCV's `CascadeClassifierImpl::Data` holds it, so evaluation walks flat
/// arrays: stages → trees → nodes → leaves, features in file order.
struct CascadeModel: Sendable {
    enum FeatureKind: String, Sendable {
        case haar = "HAAR"
        case lbp = "LBP"
    }

    struct Stage: Sendable {
        /// Index of the first tree in `trees`.
        var firstTree: Int
        var treeCount: Int
        /// The XML threshold minus OpenCV's THRESHOLD_EPS (1e-5f), in float as OpenCV keeps it.
        var threshold: Float
    }

    struct Tree: Sendable {
        var nodeCount: Int
    }

    struct Node: Sendable {
        var left: Int32
        var right: Int32
        var featureIndex: Int32
        /// HAAR only; LBP nodes branch on `subsets` instead.
        var threshold: Float
    }

    /// One weighted rectangle of a Haar feature, window-relative.
    struct WeightedRect: Sendable {
        var x: Int32
        var y: Int32
        var width: Int32
        var height: Int32
        var weight: Float
    }

    /// A Haar-like feature: two or three weighted rectangles, upright or rotated 45°.
    struct HaarFeature: Sendable {
        var rects: [WeightedRect]
        var tilted: Bool
    }

    /// An LBP feature: the top-left block of a 3×3 grid of equal blocks.
    struct LBPFeature: Sendable {
        var x: Int32
        var y: Int32
        var width: Int32
        var height: Int32
    }

    var kind: FeatureKind
    var windowWidth: Int
    var windowHeight: Int
    var stages: [Stage]
    var trees: [Tree]
    var nodes: [Node]
    /// Per tree, nodeCount + 1 leaves, in tree order.
    var leaves: [Float]
    /// LBP: 8 Int32 words (256 bits) per node, in node order.
    var subsets: [Int32]
    var haarFeatures: [HaarFeature]
    var lbpFeatures: [LBPFeature]

    var maxNodesPerTree: Int { trees.map(\.nodeCount).max() ?? 0 }
    var hasTiltedFeatures: Bool { haarFeatures.contains { $0.tilted } }
    var featureCount: Int { kind == .haar ? haarFeatures.count : lbpFeatures.count }

    /// The number of Int32 words in one LBP node's category subset (256 categories / 32).
    static let lbpSubsetWords = 8
    /// OpenCV subtracts this from every stage threshold when it loads a cascade.
    static let thresholdEpsilon: Float = 1e-5
}
