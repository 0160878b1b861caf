/// Raised when a condition polled by `waitUntil` did not come true in time.
public struct ConditionTimedOut: Error, CustomStringConvertible {
    public let description: String
}

/// Re-checks `condition` every `interval` until it holds, failing after `limit` with `what` in the message. For
/// facts that no event announces (rows appearing in another process's database, child processes appearing,
/// signals delivered): the wait ends as soon as the fact holds, and never lasts longer than `limit`.
public func waitUntil(
    _ what: String, within limit: Duration, every interval: Duration = .milliseconds(100),
    _ condition: () async throws -> Bool
) async throws {
    guard try await holds(within: limit, every: interval, condition) else {
        throw ConditionTimedOut(description: "waited \(limit) for \(what)")
    }
}

/// Whether `condition` comes true within `timeout` (polled every 10 ms), for tests that also assert it never does.
public func eventually(timeout: Duration = .seconds(60), _ condition: () async -> Bool) async -> Bool {
    await holds(within: timeout, every: .milliseconds(10), condition)
}

/// The one polling loop: checks at once, then every `interval`, and a last time at the deadline.
private func holds(
    within limit: Duration, every interval: Duration, _ condition: () async throws -> Bool
) async rethrows
    -> Bool
{
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: min(interval, max(.zero, ContinuousClock.now.duration(to: deadline))))
    }
    return try await condition()
}
