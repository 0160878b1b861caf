import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The write end of the self-pipe, read by the signal handler; set once, before any handler is installed.
private nonisolated(unsafe) var signalPipeWriteEnd: Int32 = -1

/// The process's handler for every watched signal: it only writes the signal's number into the pipe, the one thing
/// a signal handler may safely do; the reader thread does the rest.
private func writeSignalToPipe(_ number: Int32) {
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipeWriteEnd, &byte, 1)
    errno = savedErrno
}

/// One process-wide owner of SIGINT/SIGTERM (and whatever else is watched) that watchers subscribe to and leave.
///
/// Why not one `DispatchSource` per watcher: on Linux, libdispatch installs its own handler the first time a signal
/// gets a source and never again, so a later watcher that switches the signal's default action off replaces that
/// handler and every later signal is lost — `loadgen ab` and `loadgen suite` run many scenarios in one process, and
/// ignored Ctrl-C after the first. Here a plain `sigaction` handler writes into a pipe that one thread reads; a
/// signal is caught while at least one watcher wants it and takes its default action otherwise.
final class SignalPipe: Sendable {
    /// The one instance; created on first use, with its pipe and reader thread.
    static let shared = SignalPipe()

    /// What a watcher is handed when its signal arrives.
    typealias Delivery = @Sendable (Int32) -> Void

    private struct Watchers {
        var bySignal: [Int32: [Int: Delivery]] = [:]
        var nextID = 0
    }

    private let watchers = Mutex(Watchers())

    private init() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { fatalError("cannot create the signal pipe: errno \(errno)") }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        // The handler must never block, even if the reader fell behind by a pipe's worth of signals.
        _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
        signalPipeWriteEnd = ends[1]
        let readEnd = ends[0]
        let thread = Thread { [self] in readSignals(from: readEnd) }
        thread.name = "loadgen.signals"
        thread.start()
    }

    /// Calls `delivery` with `number` each time it arrives until `unsubscribe` is called with the returned id.
    func subscribe(_ number: Int32, _ delivery: @escaping Delivery) -> Int {
        watchers.withLock { state in
            state.nextID += 1
            if state.bySignal[number, default: [:]].isEmpty { Self.setAction(number, catching: true) }
            state.bySignal[number, default: [:]][state.nextID] = delivery
            return state.nextID
        }
    }

    /// Stops a delivery; the last watcher of a signal leaving gives the signal its default action back.
    func unsubscribe(_ number: Int32, id: Int) {
        watchers.withLock { state in
            guard state.bySignal[number]?.removeValue(forKey: id) != nil else { return }
            if state.bySignal[number]?.isEmpty ?? true { Self.setAction(number, catching: false) }
        }
    }

    private func readSignals(from readEnd: Int32) {
        var byte: UInt8 = 0
        while true {
            let count = read(readEnd, &byte, 1)
            if count == 1 {
                deliver(Int32(byte))
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    private func deliver(_ number: Int32) {
        let deliveries = watchers.withLock { state in
            let deliveries = Array((state.bySignal[number] ?? [:]).values)
            // Its last watcher left while the signal was on its way: act as if nobody had caught it. Reset under
            // the lock, so a watcher subscribing at this moment is not left with the default action.
            if deliveries.isEmpty { Self.setAction(number, catching: false) }
            return deliveries
        }
        if deliveries.isEmpty {
            _ = kill(getpid(), number)
            return
        }
        for delivery in deliveries { delivery(number) }
    }

    private static func setAction(_ number: Int32, catching: Bool) {
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = catching ? writeSignalToPipe : SIG_DFL
        #else
            action.__sigaction_u.__sa_handler = catching ? writeSignalToPipe : SIG_DFL
        #endif
        // Restarted system calls: a signal must not turn into an EINTR failure somewhere in the load engine.
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        _ = sigaction(number, &action, nil)
    }
}
