import Foundation

extension ScenarioRunner {
    /// The problem that would make `run(options)` exit 2 (invalid scenario or target), or nil if it would start.
    /// `loadgen suite` asks this of every file before it runs any of them.
    public static func validationProblem(_ options: RunOptions) -> String? {
        do {
            _ = try validated(options)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The loaded, scaled scenario; the bundled target to start, or the URL to aim at.
    static func validated(_ options: RunOptions) throws -> (Scenario, BundledTarget?, String?) {
        let loaded = try ScenarioLoader.load(file: URL(fileURLWithPath: options.scenarioPath), environment: options.environment)
        let scaled = options.durationScale == 1 ? loaded : loaded.scaled(by: options.durationScale)
        let scenario = scaled.segment(options.segment)
        // Control-plane URLs (a path means the target itself, checked below).
        var calls = scenario.actions.compactMap { action -> HTTPCallSpec? in
            if case .http(let call) = action.action { return call }
            return nil
        }
        for probe in scenario.chaos?.steadyState?.probes ?? [] {
            if case .http(let call, _) = probe.kind { calls.append(call) }
        }
        for call in calls where !call.url.hasPrefix("/") {
            try TargetGuard.check(url: call.url, commandLineTarget: options.target, allowedHosts: options.allowedHosts)
        }
        if let target = options.target {
            if let index = scenario.actions.firstIndex(where: \.needsBundledTarget) {
                throw TargetGuardError(
                    .invalidURL,
                    """
                    actions[\(index)] (\(scenario.actions[index].action.name)) needs the bundled target, but --target \(target) replaces it. \
                    Run without --target, or give model actions admin_url and token_env and drop replica.restart.
                    """)
            }
            try TargetGuard.check(url: target, commandLineTarget: target, allowedHosts: options.allowedHosts)
            return (scenario, nil, target)
        }
        switch scenario.target {
        case .url(let url):
            try TargetGuard.check(url: url, commandLineTarget: nil, allowedHosts: options.allowedHosts)
            return (scenario, nil, url)
        case .bundled where !options.segment.isLeader:
            throw TargetGuardError(
                .invalidURL,
                """
                segment \(options.segment) does not start the bundled target (only segment 0 acts): pass --target with the \
                URL of the service the other segments load, e.g. segment 0's.
                """)
        case .bundled(let spec):
            return (scenario, spec, nil)
        }
    }
}
