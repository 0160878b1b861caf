/// Steele, Lea and Flood's SplitMix64: a tiny seeded generator that gives the same sequence on every platform,
/// which `SystemRandomNumberGenerator` cannot: a Poisson phase repeats exactly from its seed, the gate gives the
/// same verdict for the same runs, a seeded random data feed draws the same rows.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1) from the top 53 bits, exactly representable as a Double.
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}
