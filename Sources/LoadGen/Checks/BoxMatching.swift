/// Compares detection boxes (`[x, y, width, height]`) by intersection over union.
public enum BoxMatching {
    /// Intersection over union of two `[x, y, width, height]` boxes; 0 for malformed or empty boxes.
    public static func iou(_ a: [Int], _ b: [Int]) -> Double {
        guard a.count == 4, b.count == 4 else { return 0 }
        let overlapWidth = max(0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
        let overlapHeight = max(0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
        let intersection = Double(overlapWidth) * Double(overlapHeight)
        let union = Double(max(0, a[2]) * max(0, a[3]) + max(0, b[2]) * max(0, b[3])) - intersection
        return union > 0 ? intersection / union : 0
    }

    /// One-to-one greedy by IoU; true when counts are equal and every golden box is matched at >= minimumIoU.
    public static func matches(expected: [[Int]], actual: [[Int]], minimumIoU: Double) -> Bool {
        expected.count == actual.count
            && matchedCount(expected: expected, actual: actual, minimumIoU: minimumIoU) == expected.count
    }

    /// How many expected boxes pair up with a distinct actual box at >= minimumIoU, taking the best pairs first.
    public static func matchedCount(expected: [[Int]], actual: [[Int]], minimumIoU: Double) -> Int {
        var pairs: [(expected: Int, actual: Int, iou: Double)] = []
        for (e, expectedBox) in expected.enumerated() {
            for (a, actualBox) in actual.enumerated() {
                let overlap = iou(expectedBox, actualBox)
                if overlap >= minimumIoU, overlap > 0 { pairs.append((e, a, overlap)) }
            }
        }
        // Ties broken by position so the result never depends on sort stability.
        pairs.sort { ($0.iou, -$0.expected, -$0.actual) > ($1.iou, -$1.expected, -$1.actual) }
        var usedExpected = Set<Int>()
        var usedActual = Set<Int>()
        for pair in pairs where !usedExpected.contains(pair.expected) && !usedActual.contains(pair.actual) {
            usedExpected.insert(pair.expected)
            usedActual.insert(pair.actual)
        }
        return usedExpected.count
    }
}
