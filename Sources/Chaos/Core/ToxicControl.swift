/// The fault proxy as network faults see it (implemented by `FaultProxy`): add and remove toxics by name and take
/// the proxy down or up, as Toxiproxy's API does.
public protocol ToxicControl: Sendable {
    /// Adds `toxic`; a name already in use or unknown type/attribute throws `invalidParameter`.
    func addToxic(_ toxic: Toxic) async throws(FaultError)
    /// Removes the toxic named `name`; removing one that is not there is not an error (reverts are idempotent).
    func removeToxic(named name: String) async
    /// `false` closes every connection and refuses new ones until set back to `true` (Toxiproxy's `enabled`).
    func setEnabled(_ enabled: Bool) async
}
