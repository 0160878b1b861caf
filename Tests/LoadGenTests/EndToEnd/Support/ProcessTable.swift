import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads Linux's /proc to see which processes exist and who started them, so tests can check that nothing a run
/// started outlives it.
enum ProcessTable {
    /// PIDs whose parent is `parent` and whose command name (`comm`, at most 15 characters) is `command`.
    static func children(of parent: Int32, named command: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { pid in
            guard let stat = self.stat(of: pid) else { return false }
            return stat.parent == parent && stat.command == command
        }.sorted()
    }

    /// True once `pid` names no process at all (not even a zombie): `kill(pid, 0)` fails with ESRCH.
    static func isGone(_ pid: Int32) -> Bool {
        kill(pid, 0) == -1 && errno == ESRCH
    }

    /// The command name and parent PID from /proc/PID/stat: `pid (comm) state ppid ...`. The name may hold spaces
    /// and parentheses, so it runs to the *last* ')'.
    private static func stat(of pid: Int32) -> (command: String, parent: Int32)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")")
        else { return nil }
        let command = String(text[text.index(after: open)..<close])
        let rest = text[text.index(after: close)...].split(separator: " ")
        guard rest.count > 1, let parent = Int32(rest[1]) else { return nil }
        return (command, parent)
    }
}
