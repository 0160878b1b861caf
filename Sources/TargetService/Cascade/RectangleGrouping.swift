/// OpenCV's `groupRectangles(rects, weights, minNeighbors, eps)` followed by `clipObjects`: cluster similar
/// candidates, average each cluster, keep clusters with more than `minNeighbors` members, drop clusters nested in a
/// stronger one, and clip to the image.
enum RectangleGrouping {
    static let eps = 0.2

    static func group(_ candidates: [Box], minNeighbors: Int, imageWidth: Int, imageHeight: Int) -> [Detection] {
        let grouped: [Detection]
        if minNeighbors <= 0 || candidates.isEmpty {
            grouped = candidates.map { Detection(box: $0, neighbors: 1) }
        } else {
            grouped = cluster(candidates, minNeighbors: minNeighbors)
        }
        return grouped.compactMap { clip($0, width: imageWidth, height: imageHeight) }
    }

    static func similar(_ a: Box, _ b: Box) -> Bool {
        let delta = eps * Double(min(a.width, b.width) + min(a.height, b.height)) * 0.5
        return Double(abs(a.x - b.x)) <= delta && Double(abs(a.y - b.y)) <= delta
            && Double(abs(a.x + a.width - b.x - b.width)) <= delta && Double(abs(a.y + a.height - b.y - b.height)) <= delta
    }

    /// Connected components of `similar`, numbered by first appearance (as `cv::partition` labels them).
    static func partition(_ boxes: [Box]) -> (labels: [Int], classes: Int) {
        var parent = Array(0..<boxes.count)
        func root(_ i: Int) -> Int {
            var r = i
            while parent[r] != r { r = parent[r] }
            var k = i
            while parent[k] != r {
                let next = parent[k]
                parent[k] = r
                k = next
            }
            return r
        }
        for i in boxes.indices {
            for j in (i + 1)..<boxes.count where similar(boxes[i], boxes[j]) {
                let a = root(i), b = root(j)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var classOfRoot: [Int: Int] = [:]
        var labels: [Int] = []
        labels.reserveCapacity(boxes.count)
        for i in boxes.indices {
            let r = root(i)
            if let c = classOfRoot[r] {
                labels.append(c)
            } else {
                classOfRoot[r] = classOfRoot.count
                labels.append(classOfRoot.count - 1)
            }
        }
        return (labels, classOfRoot.count)
    }

    private static func cluster(_ candidates: [Box], minNeighbors: Int) -> [Detection] {
        let (labels, classes) = partition(candidates)
        var sums = [(x: Int, y: Int, w: Int, h: Int)](repeating: (0, 0, 0, 0), count: classes)
        var counts = [Int](repeating: 0, count: classes)
        for (i, box) in candidates.enumerated() {
            let c = labels[i]
            sums[c].x += box.x
            sums[c].y += box.y
            sums[c].w += box.width
            sums[c].h += box.height
            counts[c] += 1
        }
        let averages = (0..<classes).map { c -> Box in
            let inverse = 1 / Float(counts[c])
            return Box(
                x: cvRound(Float(sums[c].x) * inverse), y: cvRound(Float(sums[c].y) * inverse),
                width: cvRound(Float(sums[c].w) * inverse), height: cvRound(Float(sums[c].h) * inverse))
        }
        var result: [Detection] = []
        for i in 0..<classes where counts[i] > minNeighbors {
            let r1 = averages[i], n1 = counts[i]
            let nested = (0..<classes).contains { j in
                let n2 = counts[j]
                guard j != i, n2 > minNeighbors else { return false }
                let r2 = averages[j]
                let dx = cvRound(Double(r2.width) * eps), dy = cvRound(Double(r2.height) * eps)
                return r1.x >= r2.x - dx && r1.y >= r2.y - dy && r1.x + r1.width <= r2.x + r2.width + dx
                    && r1.y + r1.height <= r2.y + r2.height + dy && (n2 > max(3, n1) || n1 < 3)
            }
            if !nested { result.append(Detection(box: r1, neighbors: n1)) }
        }
        return result
    }

    private static func clip(_ detection: Detection, width: Int, height: Int) -> Detection? {
        let b = detection.box
        let x0 = max(b.x, 0), y0 = max(b.y, 0)
        let x1 = min(b.x + b.width, width), y1 = min(b.y + b.height, height)
        guard x1 > x0, y1 > y0 else { return nil }
        return Detection(box: Box(x: x0, y: y0, width: x1 - x0, height: y1 - y0), neighbors: detection.neighbors)
    }
}
