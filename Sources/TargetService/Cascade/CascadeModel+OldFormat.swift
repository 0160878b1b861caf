extension CascadeModel {
    /// Reads the pre-2.0 `type_id="opencv-haar-classifier"` layout and converts it the way OpenCV's
    /// `haar_cvt::convert` does: each node gets its own feature, `left_val`/`right_val` become leaves of the tree,
    /// `left_node`/`right_node` stay node indices, and `parent`/`next` are ignored (the cascade is linear).
    static func parseOldFormat(_ root: XMLNode, file: String) throws(CascadeLoadError) -> CascadeModel {
        let reader = NodeReader(file: file)
        let sizeNode = try reader.required(root, "size")
        let size = sizeNode.tokens
        guard size.count == 2, let width = Int(size[0]), let height = Int(size[1]) else {
            throw reader.error(sizeNode, "expected 'width height'")
        }
        var model = CascadeModel(
            kind: .haar, windowWidth: width, windowHeight: height, stages: [], trees: [], nodes: [],
            leaves: [], subsets: [], haarFeatures: [], lbpFeatures: [])
        let stagesNode = try reader.required(root, "stages")
        for stageNode in stagesNode.children {
            let treesNode = try reader.required(stageNode, "trees")
            // OpenCV keeps the old stage threshold as double, writes it out and reads it back as float.
            let threshold = Float(try reader.double(try reader.required(stageNode, "stage_threshold"))) - thresholdEpsilon
            if treesNode.children.isEmpty { throw reader.error(treesNode, "a stage needs at least one tree") }
            model.stages.append(Stage(firstTree: model.trees.count, treeCount: treesNode.children.count, threshold: threshold))
            for treeNode in treesNode.children {
                if treeNode.children.isEmpty { throw reader.error(treeNode, "a tree needs at least one node") }
                var treeLeaves: [Float] = []
                for node in treeNode.children {
                    model.haarFeatures.append(try reader.haarFeature(try reader.required(node, "feature")))
                    let threshold = Float(try reader.double(try reader.required(node, "threshold")))
                    func child(value: String, index: String) throws(CascadeLoadError) -> Int32 {
                        if let valueNode = node.child(value) {
                            let leaf = -Int32(treeLeaves.count)
                            treeLeaves.append(Float(try reader.double(valueNode)))
                            return leaf
                        }
                        guard let indexNode = node.child(index) else {
                            throw reader.error(node, "a node needs <\(value)> or <\(index)>")
                        }
                        return Int32(try reader.int(indexNode))
                    }
                    let left = try child(value: "left_val", index: "left_node")
                    let right = try child(value: "right_val", index: "right_node")
                    model.nodes.append(
                        Node(
                            left: left, right: right, featureIndex: Int32(model.haarFeatures.count - 1),
                            threshold: threshold))
                }
                if treeLeaves.count != treeNode.children.count + 1 {
                    throw reader.error(
                        treeNode,
                        "a tree with \(treeNode.children.count) nodes needs \(treeNode.children.count + 1) leaf values, found \(treeLeaves.count)"
                    )
                }
                model.trees.append(Tree(nodeCount: treeNode.children.count))
                model.leaves.append(contentsOf: treeLeaves)
            }
        }
        return model
    }
}
