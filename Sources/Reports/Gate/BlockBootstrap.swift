/// Circular moving-block bootstrap over a run's seconds: resamples whole blocks of consecutive seconds, so the
/// correlation between neighbouring seconds (a slow GC second drags its neighbours) stays inside each resample and
/// the interval is not too narrow, as it would be if seconds were drawn one by one.
struct BlockBootstrap {
    let count: Int
    let blockLength: Int

    /// Block length ⌈n^(1/3)⌉, the usual rate for variance estimation: 2 for 5 s, 3 for 20 s, 4 for 30–64 s.
    init(count: Int) {
        self.count = count
        var length = 1
        while length * length * length < count { length += 1 }
        blockLength = max(1, length)
    }

    /// The second indices of one resample: blocks with random starts, wrapping at the end, cut to `count`.
    func resample(using generator: inout SplitMix64) -> [Int] {
        var indices: [Int] = []
        indices.reserveCapacity(count + blockLength)
        while indices.count < count {
            let start = Int(generator.next() % UInt64(count))
            for offset in 0..<blockLength { indices.append((start + offset) % count) }
        }
        return Array(indices.prefix(count))
    }
}
