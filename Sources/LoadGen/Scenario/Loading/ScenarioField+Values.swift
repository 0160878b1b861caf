/// Reading the value syntaxes of `ValueSyntax` (and `${VAR}` substitution) from a scalar field.
extension ScenarioField {
    /// A duration such as `250ms`; `positive` rejects zero.
    func duration(positive: Bool = true) -> Duration? {
        guard let value = parse(ValueSyntax.duration, expected: "a duration such as 250ms, 1.5s or 2m") else { return nil }
        if positive && value <= .zero {
            fail("the duration must be greater than 0")
            return nil
        }
        return value
    }

    /// A rate such as `10/s`, greater than zero.
    func rate() -> Rate? {
        guard let value = parse(ValueSyntax.rate, expected: "a rate such as 10/s or 600/m") else { return nil }
        guard value.perSecond > 0 else {
            fail("the rate must be greater than 0")
            return nil
        }
        return value
    }

    /// A percentage such as `1%`, as a fraction in 0...1.
    func percentage() -> Double? {
        parse(ValueSyntax.percentage, expected: "a percentage such as 1% or 99.9%")
    }

    /// A size such as `64KB`, in bytes.
    func size() -> Int? {
        parse(ValueSyntax.size, expected: "a size such as 512B, 64KB or 9MB")
    }

    /// The scalar text with `${VAR}`s replaced from `environment`.
    func substituted(_ environment: [String: String], expected: String) -> String? {
        guard let text = scalar(expected: expected) else { return nil }
        switch VariableSubstitution(environment: environment).apply(to: text) {
        case .success(let value): return value
        case .failure(let problem):
            fail(problem.message)
            return nil
        }
    }

    private func parse<Value>(_ syntax: (String) -> Result<Value, SyntaxProblem>, expected: String) -> Value? {
        guard let text = scalar(expected: expected) else { return nil }
        switch syntax(text) {
        case .success(let value): return value
        case .failure(let problem):
            fail(problem.message)
            return nil
        }
    }
}
