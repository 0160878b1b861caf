/// How long the target took to recover from one fault: from the fault's revert until the per-second SLA held
/// again for `consecutive` seconds in a row (the first of them ends the recovery), plus the errors counted while
/// the fault was active. Pure arithmetic over per-second samples, so it is tested on fixed series.
public struct FaultRecoveryTimer: Sendable, Equatable {
    /// Revert → the start of the first second of the run of good seconds, in ms; nil if the SLA never held for
    /// `consecutive` seconds before the samples ended.
    public var recoveryMs: Int64?
    /// The second (of the run) at which recovery began, nil if never.
    public var recoveredAtSecond: Int?
    /// Errors in the seconds the fault overlapped.
    public var errorsDuringFault: Int
    /// Attempts in those seconds.
    public var attemptsDuringFault: Int

    public init(samples: [SecondSample], injectedAtMs: Int64, revertedAtMs: Int64, thresholds: [Threshold], consecutive: Int = 5)
    {
        let ordered = samples.sorted { $0.second < $1.second }
        let during = ordered.filter { Int64($0.second + 1) * 1000 > injectedAtMs && Int64($0.second) * 1000 < revertedAtMs }
        errorsDuringFault = during.reduce(0) { $0 + $1.errors }
        attemptsDuringFault = during.reduce(0) { $0 + $1.attempted }

        // Judged from the first whole second after the revert: a second that began under the fault says little.
        let firstSecond = Int((revertedAtMs + 999) / 1000)
        var streakStart: Int?
        var streak = 0
        var recovered: Int?
        for sample in ordered where sample.second >= firstSecond {
            guard let holds = sample.holds(thresholds) else { continue }
            if holds {
                if streak == 0 { streakStart = sample.second }
                streak += 1
                if streak >= max(1, consecutive) {
                    recovered = streakStart
                    break
                }
            } else {
                streak = 0
                streakStart = nil
            }
        }
        recoveredAtSecond = recovered
        recoveryMs = recovered.map { max(0, Int64($0) * 1000 - revertedAtMs) }
    }
}
