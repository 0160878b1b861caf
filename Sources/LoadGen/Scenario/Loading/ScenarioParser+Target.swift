import Foundation

/// `target:` and `options:`.
extension ScenarioParser {
    /// The target, and its `tls:` settings when it has them.
    func target(from field: ScenarioField) -> (spec: TargetSpec?, tls: TargetTLS?) {
        guard let target = field.mapping(keys: ["bundled", "url", "tls"]) else { return (nil, nil) }
        let spec = self.targetSpec(target, field: field)
        guard let tlsField = target["tls"] else { return (spec, nil) }
        if case .bundled = spec {
            tlsField.fail("applies to an https:// url target; the bundled service speaks plain HTTP")
            return (spec, nil)
        }
        if case .url(let url) = spec, !url.lowercased().hasPrefix("https://"), !url.hasPrefix("${") {
            tlsField.fail("needs an https:// url, but the target is '\(url)'")
            return (spec, nil)
        }
        return (spec, tls(from: tlsField))
    }

    private func targetSpec(_ target: ScenarioMapping, field: ScenarioField) -> TargetSpec? {
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

    /// `target.tls`: files exist and are checked when the run starts; here the shape and the pairs.
    private func tls(from field: ScenarioField) -> TargetTLS? {
        let checkpoint = diagnostics.checkpoint
        let keys = ["ca_file", "client_cert", "client_key", "server_name", "insecure_skip_verify"]
        guard let tls = field.mapping(keys: keys) else { return nil }
        let settings = TargetTLS(
            caFile: tls["ca_file"]?.substituted(environment, expected: "a PEM file path"),
            clientCertificate: tls["client_cert"]?.substituted(environment, expected: "a PEM file path"),
            clientKey: tls["client_key"]?.substituted(environment, expected: "a PEM file path"),
            serverName: tls["server_name"]?.substituted(environment, expected: "a host name"),
            insecureSkipVerify: tls["insecure_skip_verify"]?.bool() ?? false)
        if (settings.clientCertificate == nil) != (settings.clientKey == nil) {
            field.fail("needs both client_cert and client_key for a client certificate, or neither")
        }
        if settings.insecureSkipVerify, settings.caFile != nil {
            tls["ca_file"]?.fail("has no effect with insecure_skip_verify: true (nothing is verified); keep one")
        }
        return diagnostics.hasErrors(since: checkpoint) ? nil : settings
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
