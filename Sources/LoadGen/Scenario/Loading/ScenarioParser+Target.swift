import Foundation

/// `target:` and `options:`.
extension ScenarioParser {
    func target(from field: ScenarioField) -> TargetSpec? {
        guard let target = field.mapping(keys: ["bundled", "url"]) else { return nil }
        switch target.present(["bundled", "url"]) {
        case ["bundled"]:
            return target["bundled"].flatMap(bundled(from:)).map(TargetSpec.bundled)
        case ["url"]:
            return target["url"].flatMap { httpURL(from: $0) }.map(TargetSpec.url)
        case []:
            if target.misspelt(["bundled", "url"]) { return nil }
            field.fail("needs 'bundled' (loadgen starts the service) or 'url' (an already running service)")
            return nil
        default:
            field.fail("has both 'bundled' and 'url'; keep one")
            return nil
        }
    }

    private func bundled(from field: ScenarioField) -> BundledTarget? {
        let checkpoint = diagnostics.checkpoint
        guard let bundled = field.mapping(keys: ["replicas", "model", "workers", "queue_depth", "ready_timeout", "backup_every"])
        else {
            return nil
        }
        let defaults = BundledTarget()
        let target = BundledTarget(
            replicas: bundled["replicas"]?.int(atLeast: 1) ?? defaults.replicas,
            model: bundled["model"]?.identifier(),
            workers: bundled["workers"]?.int(atLeast: 1),
            queueDepth: bundled["queue_depth"]?.int(atLeast: 1),
            readyTimeout: bundled["ready_timeout"]?.duration() ?? defaults.readyTimeout,
            backupEvery: bundled["backup_every"].flatMap { field in
                guard let every = field.duration() else { return nil }
                guard every >= .seconds(1) else {
                    field.fail("\(ValueSyntax.text(every)) is shorter than the service's shortest backup interval, 1s")
                    return nil
                }
                return every
            })
        return diagnostics.hasErrors(since: checkpoint) ? nil : target
    }

    func options(from field: ScenarioField) -> EngineOptions? {
        let checkpoint = diagnostics.checkpoint
        guard let options = field.mapping(keys: ["max_connections", "max_send_delay", "connect_timeout", "request_timeout"])
        else { return nil }
        let defaults = EngineOptions()
        let engine = EngineOptions(
            maxConnections: options["max_connections"]?.int(atLeast: 1) ?? defaults.maxConnections,
            maxSendDelay: options["max_send_delay"]?.duration() ?? defaults.maxSendDelay,
            connectTimeout: options["connect_timeout"]?.duration() ?? defaults.connectTimeout,
            requestTimeout: options["request_timeout"]?.duration() ?? defaults.requestTimeout)
        return diagnostics.hasErrors(since: checkpoint) ? nil : engine
    }
}
