/// A fault that can list its parameters, for `loadgen chaos faults` and docs/faults.md.
public protocol DescribedFault: Fault {
    /// Each parameter with its unit and default, e.g. `latency (ms, required)`.
    static var parameterHelp: [String] { get }
}
