import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shows how a run is going: a live line rewritten each second on a terminal, a plain line every 10 s otherwise
/// (CI logs), nothing with `--quiet`. Writes to stderr so stdout stays for the summary.
struct ProgressReporter {
    struct Tick {
        var elapsed: Duration
        var total: Duration
        var phase: String
        var completedLastSecond: Int
        var p99LastSecondMicros: UInt64?
        var errors: Int
        var dropped: Int
        var connections: Int
        var users: Int
    }

    private let live: Bool
    private let enabled: Bool
    private var lastPlain: Duration = .seconds(-10)

    init(mode: ProgressMode) {
        switch mode {
        case .quiet:
            enabled = false
            live = false
        case .plain:
            enabled = true
            live = false
        case .automatic:
            enabled = true
            live = isatty(STDERR_FILENO) == 1
        }
    }

    mutating func show(_ tick: Tick) {
        guard enabled else { return }
        let line = Self.format(tick)
        if live {
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
        } else if tick.elapsed - lastPlain >= .seconds(10) {
            lastPlain = tick.elapsed
            FileHandle.standardError.write(Data("\(line)\n".utf8))
        }
    }

    /// Ends the live line so the summary starts on a fresh one.
    func finish() {
        if enabled, live { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    func note(_ message: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(((live ? "\r\u{1B}[2K" : "") + message + "\n").utf8))
    }

    static func format(_ tick: Tick) -> String {
        let p99 = tick.p99LastSecondMicros.map { Self.milliseconds($0) } ?? "-"
        let load = tick.users > 0 ? "\(tick.users) users" : "\(tick.connections) conns"
        return "[\(clock(tick.elapsed))/\(clock(tick.total))] \(tick.phase): \(tick.completedLastSecond) req/s, p99 \(p99), "
            + "errors \(tick.errors), dropped \(tick.dropped), \(load)"
    }

    static func clock(_ duration: Duration) -> String {
        let seconds = max(0, Int(duration.components.seconds))
        return String(format: "%d:%02d", seconds / 60, seconds % 60)
    }

    static func milliseconds(_ micros: UInt64) -> String {
        let ms = Double(micros) / 1000
        return ms >= 100 ? String(format: "%.0fms", ms) : String(format: "%.1fms", ms)
    }
}
