/// A small seeded generator (SplitMix64): every random choice of the proxy (toxicity, jitter, slice sizes, HTTP
/// percentages) comes from one, so a test with a fixed seed sees the same choices every run.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform number in 0..<1.
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// A new generator with its own sequence, for one connection or one stage.
    mutating func split() -> SeededRandom {
        SeededRandom(seed: next())
    }
}
