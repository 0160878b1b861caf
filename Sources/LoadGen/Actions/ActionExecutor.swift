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
        let clock = UptimeClock()
        for (index, spec) in actions.enumerated() {
            let due = UptimeClock.Instant(nanoseconds: context.runStart).advanced(by: max(.zero, spec.at))
            while clock.now < due {
                // Short naps so cancellation (run stopped early) is noticed promptly.
                try? await clock.sleep(until: min(due, clock.now.advanced(by: .milliseconds(50))))
                if Task.isCancelled { return results }
            }
            if Task.isCancelled { return results }
            let started = clock.now
            let startedAtMs = context.elapsedMilliseconds
            var result = ActionResult(
                index: index, spec: spec, startedAtMs: startedAtMs, durationMs: 0, failure: nil, detail: [:])
            do {
                result.detail = try await spec.action.runnable.perform(in: context)
            } catch {
                result.failure = error.message
                result.detail = error.detail
            }
            result.durationMs = started.duration(to: clock.now).milliseconds
            finished(result)
            results.append(result)
        }
        return results
    }
}
