#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Notices when a process has gone, so replicas started by a load generator that was killed with -9 (no chance to
/// send SIGTERM) do not live on. Polling `kill(pid, 0)` works on every platform, unlike Linux's PR_SET_PDEATHSIG.
enum ParentWatch {
    /// Returns once `pid` no longer exists, or when the calling task is cancelled.
    static func waitUntilGone(_ pid: Int32, every interval: Duration = .milliseconds(500)) async {
        while !Task.isCancelled {
            if kill(pid, 0) != 0, errno == ESRCH { return }
            try? await Task.sleep(for: interval)
        }
    }
}
