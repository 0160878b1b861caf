extension CascadeModel {
    /// Checks what evaluation relies on (indices in range, rectangles inside the window), so a damaged file fails
    /// at load time with the element to blame instead of reading out of bounds at detection time.
    func validated(file: String) throws(CascadeLoadError) -> CascadeModel {
        func fail(_ element: String, _ reason: String) -> CascadeLoadError {
            CascadeLoadError(file: file, line: nil, element: element, reason: reason)
        }
        if windowWidth <= 0 || windowHeight <= 0 {
            throw fail("width", "window size must be positive, got \(windowWidth)x\(windowHeight)")
        }
        if stages.isEmpty { throw fail("stages", "the cascade has no stages") }
        var nodeIndex = 0
        var leafIndex = 0
        for (treeIndex, tree) in trees.enumerated() {
            if tree.nodeCount < 1 { throw fail("internalNodes", "tree \(treeIndex) has no nodes") }
            for n in nodeIndex..<(nodeIndex + tree.nodeCount) {
                let node = nodes[n]
                if node.featureIndex < 0 || Int(node.featureIndex) >= featureCount {
                    throw fail(
                        "internalNodes",
                        "tree \(treeIndex) uses feature \(node.featureIndex) but there are \(featureCount) features")
                }
                for child in [node.left, node.right] {
                    if child > 0 && Int(child) >= tree.nodeCount {
                        throw fail("internalNodes", "tree \(treeIndex) points at node \(child) of \(tree.nodeCount)")
                    }
                    if child <= 0 && Int(-child) > tree.nodeCount {
                        throw fail("leafValues", "tree \(treeIndex) points at leaf \(-child) of \(tree.nodeCount + 1)")
                    }
                }
            }
            nodeIndex += tree.nodeCount
            leafIndex += tree.nodeCount + 1
        }
        if leaves.count < leafIndex { throw fail("leafValues", "expected \(leafIndex) leaf values, found \(leaves.count)") }
        let w = Int32(windowWidth), h = Int32(windowHeight)
        for (index, feature) in haarFeatures.enumerated() {
            if feature.rects.count < 2 || feature.rects.count > 3 {
                throw fail("rects", "feature \(index) has \(feature.rects.count) rectangles; expected 2 or 3")
            }
            for r in feature.rects where r.weight != 0 {
                let inside: Bool
                if feature.tilted {
                    // A 45° rectangle spans x-height ... x+width and y ... y+width+height.
                    inside =
                        r.width >= 0 && r.height >= 0 && r.x - r.height >= 0 && r.x + r.width <= w
                        && r.y >= 0 && r.y + r.width + r.height <= h
                } else {
                    inside = r.x >= 0 && r.y >= 0 && r.width >= 0 && r.height >= 0 && r.x + r.width <= w && r.y + r.height <= h
                }
                if !inside { throw fail("rects", "feature \(index) has a rectangle outside the \(w)x\(h) window") }
            }
        }
        for (index, f) in lbpFeatures.enumerated() {
            if f.x < 0 || f.y < 0 || f.width <= 0 || f.height <= 0 || f.x + 3 * f.width > w || f.y + 3 * f.height > h {
                throw fail("rect", "LBP feature \(index) does not fit in the \(w)x\(h) window")
            }
        }
        return self
    }
}
