extension JUnitDocument {
    /// `loadgen gate --junit FILE`: a `<testsuite>` per phase, a `<testcase>` per judged metric; a regression fails.
    public init(gate: GateReport) {
        let scenario = gate.candidate.name
        var suites: [Suite] = []
        for result in gate.results {
            let suiteName = "gate.\(scenario).\(result.phase)"
            if suites.last?.name != suiteName {
                suites.append(
                    Suite(
                        name: suiteName, cases: [],
                        properties: [("baseline_run", "\(gate.baseline.id)"), ("candidate_run", "\(gate.candidate.id)")]))
            }
            var test = Case(classname: "\(scenario).\(result.phase)", name: "\(result.metric.rawValue) [\(result.request)]")
            if result.verdict == .regressed {
                let message = """
                    \(GateReport.value(result.baseline, result.metric)) -> \(GateReport.value(result.candidate, result.metric)) \
                    (\(GateReport.change(result.change, result.metric)), interval \(GateReport.change(result.low, result.metric)) … \
                    \(GateReport.change(result.high, result.metric))), allowed \(GateReport.change(result.limit, result.metric))
                    """
                test.failure = Problem(
                    message: message, type: "Regression",
                    details:
                        "baseline run \(gate.baseline.id), candidate run \(gate.candidate.id): \(result.phase) \(result.metric.rawValue) \(message)"
                )
            }
            suites[suites.count - 1].cases.append(test)
        }
        self.init(name: "loadgen gate \(gate.baseline.id)..\(gate.candidate.id)", suites: suites)
    }
}
