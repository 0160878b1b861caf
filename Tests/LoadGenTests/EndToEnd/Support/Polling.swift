/// Raised when a condition polled by `waitUntil` did not come true in time.
struct ConditionTimedOut: Error, CustomStringConvertible {
    let description: String
}

/// Re-checks `condition` every `interval` until it holds, failing after `limit` with `what` in the message. For
/// facts that no event announces (rows appearing in another process's database, child processes appearing):
/// the wait ends as soon as the fact holds, and never lasts longer than `limit`.
func waitUntil(
    _ what: String, within limit: Duration, every interval: Duration = .milliseconds(100),
    _ condition: () throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + limit
    while true {
        if try condition() { return }
        guard ContinuousClock.now < deadline else {
            throw ConditionTimedOut(description: "waited \(limit) for \(what)")
        }
        try await Task.sleep(for: interval)
    }
}
