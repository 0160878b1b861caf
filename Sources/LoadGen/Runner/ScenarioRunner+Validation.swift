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
        let scenario = options.durationScale == 1 ? loaded : loaded.scaled(by: options.durationScale)
        if let target = options.target {
            try TargetGuard.check(url: target, commandLineTarget: target, allowedHosts: options.allowedHosts)
            return (scenario, nil, target)
        }
        switch scenario.target {
        case .url(let url):
            try TargetGuard.check(url: url, commandLineTarget: nil, allowedHosts: options.allowedHosts)
            return (scenario, nil, url)
        case .bundled(let spec):
            return (scenario, spec, nil)
        }
    }
}
