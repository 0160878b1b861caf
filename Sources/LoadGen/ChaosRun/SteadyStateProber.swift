import Foundation
import Synchronization

/// Runs every steady-state probe once per `every` through the whole run, one round at a time, and records each
/// round. A probe is the `http` or `exec` action plus its tolerance (`max_time`, `output_contains`).
public final class SteadyStateProber: Sendable {
    let spec: SteadyStateSpec
    private let context: ActionContext
    private let clock: RunClock
    private let rounds = Mutex<[SteadyStateVerdict.Round]>([])
    private let failures = Mutex<[String: String]>([:])
    private let task = Mutex<Task<Void, Never>?>(nil)

    public init(spec: SteadyStateSpec, context: ActionContext) {
        self.spec = spec
        self.context = context
        self.clock = RunClock(runStart: context.runStart)
    }

    public var recordedRounds: [SteadyStateVerdict.Round] { rounds.withLock { $0 } }
    /// The latest failure message of each probe that ever failed.
    public var lastFailures: [String: String] { failures.withLock { $0 } }

    public func start() {
        let started = Task { [self] in
            var next = ContinuousClock.now
            while !Task.isCancelled {
                let at = clock.nowMs
                var failed: [String] = []
                for probe in spec.probes {
                    if let failure = await Self.run(probe, in: context) {
                        failed.append(probe.name)
                        failures.withLock { $0[probe.name] = failure }
                    }
                }
                rounds.withLock { $0.append(.init(atMs: at, failed: failed)) }
                next += spec.every
                if next > .now { try? await Task.sleep(until: next) } else { next = .now }
            }
        }
        task.withLock { $0 = started }
    }

    public func stop() async {
        let running = task.withLock { $0 }
        running?.cancel()
        await running?.value
    }

    /// Nil when the probe passed, else why not.
    static func run(_ probe: ProbeSpec, in context: ActionContext) async -> String? {
        switch probe.kind {
        case .http(let call, let maxTime):
            let started = ContinuousClock.now
            do {
                _ = try await HTTPCallAction(spec: call).perform(in: context)
            } catch {
                return error.message
            }
            let took = ContinuousClock.now - started
            if let maxTime, took > maxTime { return "\(call.method) \(call.url) took \(took), more than max_time \(maxTime)" }
            return nil
        case .exec(let command, let contains):
            do {
                let detail = try await ExecAction(spec: command).perform(in: context)
                if let contains, !(detail["output_tail"] ?? "").contains(contains) {
                    return "\(command.command) output does not contain '\(contains)'"
                }
                return nil
            } catch {
                return error.message
            }
        }
    }
}
