import Foundation

/// A process as the kernel knows it: its pid plus its start time (field 22 of /proc/PID/stat, in clock ticks since
/// boot). Pids are reused; the pair is not, so a later `chaos reset` signals a pid only when both still match.
public struct ProcessIdentity: Sendable, Equatable {
    public var pid: Int32
    public var startTime: UInt64

    public init(pid: Int32, startTime: UInt64) {
        self.pid = pid
        self.startTime = startTime
    }

    /// The identity of the live process `pid`, nil when there is none.
    public static func of(_ pid: Int32) -> ProcessIdentity? {
        guard let fields = statFields(pid), fields.count > 19, let start = UInt64(fields[19]) else { return nil }
        return ProcessIdentity(pid: pid, startTime: start)
    }

    /// True while this very process (not a later one with the same pid) exists.
    public var isAlive: Bool { Self.of(pid) == self }

    /// The one-letter state of `pid` (`R`, `S`, `T` for stopped, `Z`, ...), nil when there is no such process.
    public static func state(of pid: Int32) -> Character? {
        statFields(pid)?.first?.first
    }

    /// The fields after `(comm)`: the command name may hold spaces and parentheses, so split after the last `)`.
    /// Index 0 is the state (field 3 in proc(5)), so field N is at index N - 3.
    private static func statFields(_ pid: Int32) -> [Substring]? {
        guard pid > 0, let text = ProcFile.read("/proc/\(pid)/stat"),
            let close = text.lastIndex(of: ")")
        else { return nil }
        return text[text.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
    }
}
