import Synchronization

/// The last lines a child process wrote, kept in a fixed-size ring so a chatty process cannot grow memory.
///
/// Start-up errors quote it: when a replica dies, its last log lines usually say why.
final class OutputTail: Sendable {
    /// Lines longer than this are cut, so one runaway line cannot hold megabytes.
    static let maxLineLength = 1_000

    private struct Ring {
        var lines: [String] = []
        var next = 0
    }

    let capacity: Int
    private let ring = Mutex(Ring())

    init(capacity: Int = 20) {
        precondition(capacity > 0, "an output tail needs room for at least one line")
        self.capacity = capacity
    }

    func append(_ line: String) {
        let kept = line.count > Self.maxLineLength ? String(line.prefix(Self.maxLineLength)) + "…" : line
        ring.withLock { ring in
            if ring.lines.count < capacity {
                ring.lines.append(kept)
            } else {
                ring.lines[ring.next] = kept
            }
            ring.next = (ring.next + 1) % capacity
        }
    }

    /// The kept lines, oldest first.
    var lines: [String] {
        ring.withLock { ring in
            ring.lines.count < capacity ? ring.lines : Array(ring.lines[ring.next...] + ring.lines[..<ring.next])
        }
    }

    /// The kept lines indented for quoting inside an error message, or a note that there were none.
    var quoted: String {
        let lines = self.lines
        return lines.isEmpty ? "    (it wrote nothing to stderr)" : lines.map { "    \($0)" }.joined(separator: "\n")
    }
}
