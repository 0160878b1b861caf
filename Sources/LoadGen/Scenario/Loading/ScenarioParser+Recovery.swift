/// `recovery:`: the disaster-recovery drill's canary writer and probes (see `RecoverySpec`).
extension ScenarioParser {
    static let recoveryBlockKeys = ["canary", "probe"]

    func recovery(from field: ScenarioField, target: TargetSpec?) -> RecoverySpec? {
        let checkpoint = diagnostics.checkpoint
        guard let recovery = field.mapping(keys: Self.recoveryBlockKeys) else { return nil }
        let defaults = RecoverySpec()
        var spec = defaults
        if let canary = recovery["canary"]?.mapping(keys: ["rate", "token_env"]) {
            spec.canaryRate = canary["rate"]?.rate()?.perSecond ?? defaults.canaryRate
            if let variable = canary["token_env"] {
                if case .bundled = target {
                    variable.fail("a bundled target's canary is read back with loadgen's own admin token; remove 'token_env'")
                } else if let name = variable.string() {
                    if !VariableSubstitution.isValidName(name) {
                        variable.fail(
                            "'\(name)' is not an environment variable name; write the variable's name, never the token itself")
                    } else if environment[name] == nil {
                        variable.fail(
                            "environment variable '\(name)' is not set; export \(name) with the admin token before running")
                    } else {
                        spec.tokenEnvironmentVariable = name
                    }
                }
            }
        }
        if case .url = target, spec.tokenEnvironmentVariable == nil {
            field.fail(
                "against a url target the canary is read back with GET /v1/feedback, which needs the admin token: add canary: { token_env: VARIABLE }"
            )
        }
        if let probe = recovery["probe"]?.mapping(keys: ["every", "consecutive", "timeout"]) {
            spec.probeEvery = probe["every"]?.duration() ?? defaults.probeEvery
            spec.consecutive = probe["consecutive"]?.int(atLeast: 1) ?? defaults.consecutive
            spec.probeTimeout = probe["timeout"]?.duration() ?? defaults.probeTimeout
        }
        return diagnostics.hasErrors(since: checkpoint) ? nil : spec
    }
}
