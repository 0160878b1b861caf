import NIOCore

/// Runs a scenario's actions off the engine's event loops, each at its `at` on the run's timeline, one after
/// another in file order: an action whose time has come while the previous one still runs starts right after it
/// (its event shows the real start). The executor stops scheduling when its task is cancelled.
public struct ActionExecutor: Sendable {
    let actions: [ActionSpec]
    let context: ActionContext

    public init(actions: [ActionSpec], context: ActionContext) {
        self.actions = actions
        self.context = context
    }

    /// Runs every action whose time comes before cancellation; `finished` is told about each as it ends.
    public func run(finished: @Sendable (ActionResult) -> Void = { _ in }) async -> [ActionResult] {
        var results: [ActionResult] = []
        for (index, spec) in actions.enumerated() {
            let due = context.runStart + UInt64(max(0, spec.at.nanoseconds))
            while true {
                let now = NIODeadline.now().uptimeNanoseconds
                guard now < due else { break }
                // Short naps so cancellation (run stopped early) is noticed promptly.
                try? await Task.sleep(nanoseconds: min(due - now, 50_000_000))
                if Task.isCancelled { return results }
            }
            if Task.isCancelled { return results }
            let started = NIODeadline.now().uptimeNanoseconds
            let startedAtMs = context.elapsedMilliseconds
            var result = ActionResult(
                index: index, spec: spec, startedAtMs: startedAtMs, durationMs: 0, failure: nil, detail: [:])
            do {
                result.detail = try await spec.action.runnable.perform(in: context)
            } catch {
                result.failure = error.message
                result.detail = error.detail
            }
            result.durationMs = Int64((NIODeadline.now().uptimeNanoseconds - started) / 1_000_000)
            finished(result)
            results.append(result)
        }
        return results
    }
}
