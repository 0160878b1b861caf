/// The phase and request names SLA rules may refer to. A check is skipped when its list could not be read,
/// so one broken `phases:` does not also flag every rule that names a phase.
struct SLAReferences {
    var phases: [String]
    var requests: [String]
    var checkPhases: Bool
    var checkRequests: Bool
}
