/// Intended send times of an open-model phase, in order, as offsets from the phase start.
///
/// A schedule is a pure function of how many arrivals it has produced: it never looks at a clock or at responses,
/// so the engine can ask it for the next due time and set a timer, and tests can enumerate it without waiting.
public protocol ArrivalSchedule: Sendable {
    /// The next arrival's offset, or nil once the next one would fall at or after the phase's end.
    mutating func next() -> Duration?
}
