/// How long the service holds a 503 for a client that keeps sending into a full queue.
///
/// A client that honours `Retry-After` is refused once and waits; one that resends at once (hey, wrk, a retry storm)
/// would otherwise get thousands of instant 503s a second, each costing a parse, an answer and the upload of a body
/// the service then discards, and on a small machine that work comes out of detection. So a connection's first
/// refusal in a row is answered at once, and each further one waits: first about as long as a worker slot takes to
/// free (the pool's estimated wait), then twice that, up to `maximum`. A connection never sends faster than it is
/// answered, so this caps the refusals per connection; an admitted request ends the run (`ClientConnection`).
public struct ShedPacing: Sendable, Hashable {
    /// The longest hold; a second matches the smallest `Retry-After` the answer can carry.
    public var maximum: Duration
    /// The shortest hold after the first refusal, for when the pool has no job time yet.
    public var minimum: Duration

    public init(maximum: Duration = .seconds(1), minimum: Duration = .milliseconds(10)) {
        self.maximum = maximum
        self.minimum = minimum
    }

    /// No holding at all (`serve --no-shed-pacing`).
    public static let off = ShedPacing(maximum: .zero, minimum: .zero)

    /// The hold for the `consecutiveSheds`-th refusal in a row on one connection.
    public func hold(consecutiveSheds: Int, estimatedWait: Duration) -> Duration {
        guard consecutiveSheds >= 2, maximum > .zero else { return .zero }
        let doublings = min(consecutiveSheds - 2, 30)
        let base = max(estimatedWait, minimum)
        return min(base * Double(1 << doublings), maximum)
    }
}
