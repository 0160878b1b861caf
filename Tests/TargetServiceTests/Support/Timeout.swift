/// Thrown when a test's bounded wait runs out.
struct TimedOut: Error, CustomStringConvertible {
    let what: String
    let after: Duration
    var description: String { "timed out after \(after) waiting for \(what)" }
}

/// Runs `operation`, failing with `TimedOut` if it takes longer than `limit`: every wait in these tests is bounded.
func withTimeout<T: Sendable>(
    _ limit: Duration, _ what: String, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TimedOut(what: what, after: limit)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

/// Re-checks `condition` every few milliseconds until it holds, failing after `limit`.
func waitUntil(
    _ what: String, limit: Duration = .seconds(10), _ condition: @escaping @Sendable () async throws -> Bool
) async throws {
    try await withTimeout(limit, what) {
        while try await !condition() {
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
