/// Which request and which of its payload variants a loop sends next: requests by weight in a smooth weighted
/// round-robin (a 3:1 mix sends A A B A, as nginx balances), each request's variants in turn.
struct RequestRotation {
    /// Request indices repeated by weight and interleaved, walked round-robin.
    private let order: [Int]
    private var cursor = 0
    /// Kept apart from the prepared requests so that taking a variant does not make that array check its
    /// uniqueness on every request.
    private let variantCounts: [Int]
    private var nextVariant: [Int]

    init(weights: [Int], variantCounts: [Int]) {
        order = Self.interleave(weights: weights)
        self.variantCounts = variantCounts
        nextVariant = [Int](repeating: 0, count: variantCounts.count)
    }

    /// The next request and variant.
    mutating func next() -> (request: Int, variant: Int) {
        let request = order[cursor]
        cursor = cursor + 1 == order.count ? 0 : cursor + 1
        let variant = nextVariant[request]
        nextVariant[request] = variant + 1 == variantCounts[request] ? 0 : variant + 1
        return (request, variant)
    }

    /// One cycle of request indices for `weights` (smooth weighted round-robin).
    static func interleave(weights: [Int]) -> [Int] {
        var current = [Int](repeating: 0, count: weights.count)
        let total = weights.reduce(0, +)
        var order: [Int] = []
        for _ in 0..<max(1, total) {
            for index in weights.indices { current[index] += weights[index] }
            guard let best = current.indices.max(by: { current[$0] < current[$1] }) else { break }
            order.append(best)
            current[best] -= total
        }
        return order.isEmpty ? [0] : order
    }
}
