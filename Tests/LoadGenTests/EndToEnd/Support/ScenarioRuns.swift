import Testing

/// The end-to-end suites that run whole scenarios against bundled replicas and judge timing: they run one at a
/// time, because two of them at once on a small machine measure each other (queued detections, late admin
/// calls) rather than what they test. Each such suite is declared in an extension of this one.
@Suite(.serialized) enum ScenarioRuns {}
