extension CascadeModel {
    /// Reads the `<cascade>` layout that `opencv_traincascade` writes (stageType BOOST, featureType HAAR or LBP).
    static func parseNewFormat(_ cascade: XMLNode, file: String) throws(CascadeLoadError) -> CascadeModel {
        let reader = NodeReader(file: file)
        let stageType = try reader.text(cascade, "stageType")
        if stageType != "BOOST" {
            throw reader.error(cascade.child("stageType") ?? cascade, "stageType must be BOOST, got '\(stageType)'")
        }
        let featureTypeText = try reader.text(cascade, "featureType")
        guard let kind = FeatureKind(rawValue: featureTypeText) else {
            throw reader.error(
                cascade.child("featureType") ?? cascade,
                "featureType '\(featureTypeText)' is not supported; use HAAR or LBP")
        }
        let width = try reader.int(cascade, "width")
        let height = try reader.int(cascade, "height")
        let featureParams = try reader.required(cascade, "featureParams")
        let categories = try featureParams.child("maxCatCount").map { node throws(CascadeLoadError) in try reader.int(node) } ?? 0
        if kind == .lbp && categories != 256 {
            throw reader.error(featureParams, "LBP cascades need maxCatCount 256, got \(categories)")
        }
        let subsetWords = categories > 0 ? (categories + 31) / 32 : 0
        let nodeStep = 3 + (categories > 0 ? subsetWords : 1)

        var model = CascadeModel(
            kind: kind, windowWidth: width, windowHeight: height, stages: [], trees: [], nodes: [],
            leaves: [], subsets: [], haarFeatures: [], lbpFeatures: [])
        let stagesNode = try reader.required(cascade, "stages")
        for stageNode in stagesNode.children {
            let thresholdNode = try reader.required(stageNode, "stageThreshold")
            let threshold = Float(try reader.double(thresholdNode)) - thresholdEpsilon
            let weakNode = try reader.required(stageNode, "weakClassifiers")
            if weakNode.children.isEmpty { throw reader.error(weakNode, "a stage needs at least one weak classifier") }
            model.stages.append(Stage(firstTree: model.trees.count, treeCount: weakNode.children.count, threshold: threshold))
            for treeNode in weakNode.children {
                let internalNodes = try reader.required(treeNode, "internalNodes")
                let leafNode = try reader.required(treeNode, "leafValues")
                let tokens = internalNodes.tokens
                if tokens.isEmpty || tokens.count % nodeStep != 0 {
                    throw reader.error(internalNodes, "expected groups of \(nodeStep) numbers, found \(tokens.count)")
                }
                let nodeCount = tokens.count / nodeStep
                model.trees.append(Tree(nodeCount: nodeCount))
                var t = 0
                for _ in 0..<nodeCount {
                    let left = try reader.int32(tokens[t], internalNodes)
                    let right = try reader.int32(tokens[t + 1], internalNodes)
                    let feature = try reader.int32(tokens[t + 2], internalNodes)
                    t += 3
                    var threshold: Float = 0
                    if subsetWords > 0 {
                        for _ in 0..<subsetWords {
                            model.subsets.append(try reader.int32(tokens[t], internalNodes))
                            t += 1
                        }
                    } else {
                        threshold = Float(try reader.double(tokens[t], internalNodes))
                        t += 1
                    }
                    model.nodes.append(Node(left: left, right: right, featureIndex: feature, threshold: threshold))
                }
                let leafTokens = leafNode.tokens
                if leafTokens.count != nodeCount + 1 {
                    throw reader.error(
                        leafNode, "a tree with \(nodeCount) nodes needs \(nodeCount + 1) leaf values, found \(leafTokens.count)")
                }
                for token in leafTokens { model.leaves.append(Float(try reader.double(token, leafNode))) }
            }
        }
        let featuresNode = try reader.required(cascade, "features")
        for featureNode in featuresNode.children {
            switch kind {
            case .haar:
                model.haarFeatures.append(try reader.haarFeature(featureNode))
            case .lbp:
                let rectNode = try reader.required(featureNode, "rect")
                let v = rectNode.tokens
                if v.count != 4 { throw reader.error(rectNode, "an LBP rect is 'x y width height', found \(v.count) numbers") }
                model.lbpFeatures.append(
                    LBPFeature(
                        x: try reader.int32(v[0], rectNode), y: try reader.int32(v[1], rectNode),
                        width: try reader.int32(v[2], rectNode), height: try reader.int32(v[3], rectNode)))
            }
        }
        return model
    }
}

/// Typed access to cascade XML nodes, with errors that name the file, line and element.
struct NodeReader {
    let file: String

    func error(_ node: XMLNode, _ reason: String) -> CascadeLoadError {
        CascadeLoadError(file: file, line: node.line, element: node.name, reason: reason)
    }

    func required(_ parent: XMLNode, _ name: String) throws(CascadeLoadError) -> XMLNode {
        guard let node = parent.child(name) else { throw error(parent, "missing <\(name)>") }
        return node
    }

    func text(_ parent: XMLNode, _ name: String) throws(CascadeLoadError) -> String {
        try required(parent, name).tokens.joined(separator: " ")
    }

    func int(_ parent: XMLNode, _ name: String) throws(CascadeLoadError) -> Int {
        try int(required(parent, name))
    }

    func int(_ node: XMLNode) throws(CascadeLoadError) -> Int {
        let tokens = node.tokens
        guard tokens.count == 1, let value = Int(tokens[0]) else {
            throw error(node, "expected one integer, found '\(node.text.prefix(40))'")
        }
        return value
    }

    func double(_ node: XMLNode) throws(CascadeLoadError) -> Double {
        let tokens = node.tokens
        guard tokens.count == 1 else { throw error(node, "expected one number, found '\(node.text.prefix(40))'") }
        return try double(tokens[0], node)
    }

    func double(_ token: Substring, _ node: XMLNode) throws(CascadeLoadError) -> Double {
        guard let value = Double(token), value.isFinite else { throw error(node, "'\(token)' is not a finite number") }
        return value
    }

    /// A `<feature>`/`<_>` with `<rects>` ("x y width height weight" each) and an optional `<tilted>`; the same
    /// layout in both file formats.
    func haarFeature(_ featureNode: XMLNode) throws(CascadeLoadError) -> CascadeModel.HaarFeature {
        let rectsNode = try required(featureNode, "rects")
        var rects: [CascadeModel.WeightedRect] = []
        for rectNode in rectsNode.children {
            let v = rectNode.tokens
            if v.count != 5 { throw error(rectNode, "a rectangle is 'x y width height weight', found \(v.count) numbers") }
            rects.append(
                CascadeModel.WeightedRect(
                    x: try int32(v[0], rectNode), y: try int32(v[1], rectNode),
                    width: try int32(v[2], rectNode), height: try int32(v[3], rectNode),
                    weight: Float(try double(v[4], rectNode))))
        }
        let tilted = try featureNode.child("tilted").map { node throws(CascadeLoadError) in try int(node) } ?? 0
        return CascadeModel.HaarFeature(rects: rects, tilted: tilted != 0)
    }

    /// Integers in cascade files may be written as reals ("1."); OpenCV rounds those.
    func int32(_ token: Substring, _ node: XMLNode) throws(CascadeLoadError) -> Int32 {
        if let value = Int32(token) { return value }
        guard let real = Double(token), real.isFinite, abs(real) < 2_147_483_648 else {
            throw error(node, "'\(token)' is not an integer")
        }
        return Int32(real.rounded(.toNearestOrEven))
    }
}
