import Foundation

/// `actions:`: steps taken at fixed times of the run. Each entry is a flat mapping `{ at, do, ... }` whose other
/// keys depend on `do`, so a key that belongs to another kind is reported as unknown, with the nearest valid key.
extension ScenarioParser {
    static let commonActionKeys = ["at", "do", "continue_on_failure"]
    static let adminKeys = ["admin_url", "token_env"]
    static let actionKeys: [String: [String]] = [
        "model.upload": ["model", "cascade", "parameters"] + adminKeys,
        "model.activate": ["model", "version"] + adminKeys,
        "model.rollback": ["model"] + adminKeys,
        "replica.restart": ["replica", "rolling", "timeout"],
        "backup": recoveryStepKeys,
        "disaster": recoveryStepKeys,
        "restore": recoveryStepKeys,
        "http": ["method", "url", "headers", "body", "expect", "timeout"],
        "exec": ["command", "args", "timeout", "expect", "switches_to"],
    ]
    static let recoveryStepKeys = ["command", "args", "timeout", "expect"]
    static let uploadParameterKeys = ["scale_factor", "min_neighbors", "min_size", "max_size", "label"]

    /// The parsed actions, checked against the target kind and the run's length (`runLength` nil when the phases
    /// did not parse, so nothing can be said about `at`).
    func actions(from field: ScenarioField, target: TargetSpec?, runLength: Duration?) -> [ActionSpec]? {
        let checkpoint = diagnostics.checkpoint
        guard let items = field.sequence(of: "actions such as { at: 30s, do: model.rollback, model: face }") else { return nil }
        var actions: [ActionSpec] = []
        var uploadedModels: Set<String> = []
        for item in items {
            guard let spec = action(from: item, target: target, runLength: runLength, uploadedModels: uploadedModels) else {
                continue
            }
            if case .modelUpload(let upload) = spec.action { uploadedModels.insert(upload.model) }
            actions.append(spec)
        }
        return diagnostics.hasErrors(since: checkpoint) ? nil : actions
    }

    private func action(
        from item: ScenarioField, target: TargetSpec?, runLength: Duration?, uploadedModels: Set<String>
    ) -> ActionSpec? {
        let checkpoint = diagnostics.checkpoint
        // `do` decides which keys are valid, so read it before checking the keys.
        guard let loose = item.anyKeyMapping(of: "action keys (at, do, ...)") else { return nil }
        guard let kind = loose.required("do")?.choice(ActionKind.names, what: "action") else { return nil }
        guard let entry = item.mapping(keys: Self.commonActionKeys + Self.actionKeys[kind, default: []]) else { return nil }
        let at = entry.required("at")?.duration(positive: false)
        if let at, let runLength, at >= runLength {
            entry["at"]?.fail(
                "\(ValueSyntax.text(at)) is not before the end of the run (\(ValueSyntax.text(runLength)), the phases' total); move the action earlier or lengthen a phase"
            )
        }
        let continueOnFailure = entry["continue_on_failure"]?.bool() ?? false
        let isBundled = if case .bundled = target { true } else { false }
        let action: ActionKind?
        switch kind {
        case "model.upload":
            action = modelUpload(entry, bundled: isBundled).map(ActionKind.modelUpload)
        case "model.activate":
            action = modelActivate(entry, bundled: isBundled, uploadedModels: uploadedModels).map(ActionKind.modelActivate)
        case "model.rollback":
            let model = entry.required("model")?.identifier()
            let admin = adminEndpoint(entry, kind: kind, bundled: isBundled)
            action = model.map { ActionKind.modelRollback(ModelRollbackSpec(model: $0, admin: admin ?? nil)) }
        case "replica.restart":
            action = replicaRestart(entry, target: target).map(ActionKind.replicaRestart)
        case "backup":
            action = recoveryStep(entry, kind: kind, bundled: isBundled).map(ActionKind.backup)
        case "disaster":
            action = recoveryStep(entry, kind: kind, bundled: isBundled).map(ActionKind.disaster)
        case "restore":
            action = recoveryStep(entry, kind: kind, bundled: isBundled).map(ActionKind.restore)
        case "http":
            action = httpCall(entry).map(ActionKind.http)
        default:
            action = exec(entry).map { spec in
                var spec = spec
                spec.switchesTo = entry["switches_to"]?.substituted(environment, expected: "a model version such as 2")
                return ActionKind.exec(spec)
            }
        }
        guard !diagnostics.hasErrors(since: checkpoint), let at, let action else { return nil }
        return ActionSpec(at: at, action: action, continueOnFailure: continueOnFailure)
    }

    /// For a bundled target nil (loadgen calls its own replicas); for a url target `admin_url` and `token_env`.
    /// The outer optional is nil when something was reported.
    private func adminEndpoint(_ entry: ScenarioMapping, kind: String, bundled: Bool) -> AdminEndpoint?? {
        if bundled {
            for key in Self.adminKeys where entry.has(key) {
                entry[key]?.fail("\(kind) on a bundled target calls loadgen's own replicas; remove '\(key)'")
            }
            return .some(nil)
        }
        guard entry.has("admin_url") || entry.has("token_env") else {
            entry.field.fail(
                "\(kind) against a url target needs 'admin_url' (the service's admin base URL) and 'token_env' (the environment variable holding its admin token)"
            )
            return nil
        }
        let url = entry.required("admin_url").flatMap { httpURL(from: $0) }
        let variable = entry.required("token_env").flatMap { field -> String? in
            guard let name = field.string() else { return nil }
            guard VariableSubstitution.isValidName(name) else {
                field.fail(
                    "'\(name)' is not an environment variable name; write the variable's name (letters, digits, _), never the token itself"
                )
                return nil
            }
            guard environment[name] != nil else {
                field.fail("environment variable '\(name)' is not set; export \(name) with the admin token before running")
                return nil
            }
            return name
        }
        guard let url, let variable else { return nil }
        return .some(AdminEndpoint(url: url, tokenEnvironmentVariable: variable))
    }

    private func modelUpload(_ entry: ScenarioMapping, bundled: Bool) -> ModelUploadSpec? {
        let model = entry.required("model")?.identifier()
        let cascade = entry.required("cascade").flatMap { field -> URL? in
            guard let path = field.string() else { return nil }
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                field.fail(
                    "cascade file \(url.standardizedFileURL.path) does not exist; paths are relative to the scenario file's directory"
                )
                return nil
            }
            return url.standardizedFileURL
        }
        var parameters: [(name: String, value: String)] = []
        if let mapping = entry["parameters"]?.mapping(keys: Self.uploadParameterKeys) {
            for (key, value) in mapping.fields {
                if let text = value.string() { parameters.append((key, text)) }
            }
        }
        let admin = adminEndpoint(entry, kind: "model.upload", bundled: bundled)
        guard let model, let cascade, let admin else { return nil }
        return ModelUploadSpec(model: model, cascade: cascade, parameters: parameters, admin: admin)
    }

    private func modelActivate(_ entry: ScenarioMapping, bundled: Bool, uploadedModels: Set<String>) -> ModelActivateSpec? {
        let model = entry.required("model")?.identifier()
        let version = entry.required("version").flatMap { field -> ModelActivateSpec.Version? in
            guard let text = field.scalar(expected: "a version number or 'uploaded'") else { return nil }
            if text == "uploaded" {
                if let model, !uploadedModels.contains(model) {
                    field.fail(
                        "'uploaded' needs an earlier model.upload of model '\(model)' in actions; add one or give a version number"
                    )
                    return nil
                }
                return .uploaded
            }
            return field.int(atLeast: 1).map { .number($0) }
        }
        let admin = adminEndpoint(entry, kind: "model.activate", bundled: bundled)
        guard let model, let version, let admin else { return nil }
        return ModelActivateSpec(model: model, version: version, admin: admin)
    }

    private func replicaRestart(_ entry: ScenarioMapping, target: TargetSpec?) -> ReplicaRestartSpec? {
        let defaults = ReplicaRestartSpec()
        let replica = entry["replica"]?.int(atLeast: 1)
        let rolling = entry["rolling"]?.bool() ?? false
        let timeout = entry["timeout"]?.duration() ?? defaults.timeout
        switch target {
        case .url:
            entry.field.fail(
                "replica.restart needs a bundled target (loadgen restarts the replicas it started); against a url target use an exec action"
            )
            return nil
        case .bundled(let bundled):
            if let replica, replica > bundled.replicas {
                entry["replica"]?.fail("there are only \(bundled.replicas) bundled replica(s); use 1 to \(bundled.replicas)")
                return nil
            }
            if rolling, entry.has("replica") {
                entry["replica"]?.fail("'rolling: true' restarts every replica; remove 'replica'")
                return nil
            }
        case nil:
            break
        }
        return ReplicaRestartSpec(replica: replica ?? 1, rolling: rolling, timeout: timeout)
    }

    /// `backup`/`disaster`/`restore`: built in on a bundled target (no `command`), a command against a url target.
    private func recoveryStep(_ entry: ScenarioMapping, kind: String, bundled: Bool) -> RecoveryStepSpec? {
        let timeout = entry["timeout"]?.duration() ?? RecoveryStepSpec().timeout
        if bundled {
            for key in ["command", "args", "expect"] where entry.has(key) {
                entry[key]?.fail("\(kind) on a bundled target is done by loadgen to its own replicas; remove '\(key)'")
            }
            return RecoveryStepSpec(timeout: timeout)
        }
        guard entry.has("command") else {
            entry.field.fail(
                "\(kind) against a url target needs 'command' (and 'args'): the program that does it, e.g. kubectl or velero")
            return nil
        }
        return exec(entry).map { RecoveryStepSpec(command: $0, timeout: timeout) }
    }

    /// `expectKeys`: what `expect` may hold (probes add their tolerances); only `status` is read here.
    func httpCall(_ entry: ScenarioMapping, expectKeys: [String] = ["status"]) -> HTTPCallSpec? {
        let defaults = HTTPCallSpec(url: "")
        let method = entry["method"]?.choice(Self.methods, what: "method") ?? defaults.method
        let url = entry.required("url").flatMap { httpURL(from: $0, allowsTargetPath: true) }
        var headers: [(name: String, value: String)] = []
        if let mapping = entry["headers"]?.anyKeyMapping(of: "header names to values") {
            for (name, value) in mapping.fields {
                if let text = value.substituted(environment, expected: "a header value") { headers.append((name, text)) }
            }
        }
        let body = entry["body"]?.string()
        var accepted = defaults.expect
        if let expect = entry["expect"]?.mapping(keys: expectKeys), let field = expect["status"], let parsed = status(from: field)
        {
            accepted = parsed
        }
        let timeout = entry["timeout"]?.duration() ?? defaults.timeout
        guard let url else { return nil }
        return HTTPCallSpec(method: method, url: url, headers: headers, body: body, expect: accepted, timeout: timeout)
    }

    /// `expectKeys`: what `expect` may hold (probes add their tolerances); only `exit_code` is read here.
    func exec(_ entry: ScenarioMapping, expectKeys: [String] = ["exit_code"]) -> ExecSpec? {
        let defaults = ExecSpec(command: "")
        let command = entry.required("command")?.string()
        let arguments = entry["args"]?.sequence(of: "arguments").map { $0.compactMap { $0.string() } } ?? []
        let timeout = entry["timeout"]?.duration() ?? defaults.timeout
        var exitCode = defaults.expectExitCode
        if let expect = entry["expect"]?.mapping(keys: expectKeys), let code = expect["exit_code"]?.int(atLeast: 0) {
            exitCode = Int32(clamping: code)
        }
        guard let command else { return nil }
        return ExecSpec(command: command, arguments: arguments, timeout: timeout, expectExitCode: exitCode)
    }

    /// An http:// or https:// URL with a host; `${VAR}` allowed.
    /// `allowsTargetPath`: a path such as `/readyz` is also accepted, meaning that path on the run's target.
    func httpURL(from field: ScenarioField, allowsTargetPath: Bool = false) -> String? {
        guard let text = field.substituted(environment, expected: "an http:// or https:// URL") else { return nil }
        if allowsTargetPath, text.hasPrefix("/") { return text }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            field.fail("'\(text)' is not an http:// or https:// URL with a host")
            return nil
        }
        return text
    }
}
