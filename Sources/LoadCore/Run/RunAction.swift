/// Something the run session asks its shell (`ScenarioRunner`) to do; the session itself never touches the engine,
/// the faults or the terminal.
public enum RunAction: Sendable, Equatable {
    /// A line for the progress output.
    case note(String)
    /// Stop starting requests; those in flight settle and are measured.
    case stopEngine
    /// Revert every active fault now and inject nothing more.
    case revertFaults(reason: String)
    /// Tell the other segments of a split run that this one aborted, so they stop too.
    case announceAbort(reason: String)
}
