import Synchronization
import Testing
@testable import LoadGen

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct InterruptSignalsTests {
    // SIGUSR1/SIGUSR2 stand in for SIGINT/SIGTERM: the test process must keep its own Ctrl-C behaviour.

    @Test func firstSignalRunsHandlersOnceAndLaterOnesAreIgnored() {
        let interrupts = InterruptSignals.install(signals: [SIGUSR1])
        defer { interrupts.uninstall() }
        let calls = Mutex(0)
        interrupts.onInterrupt { calls.withLock { $0 += 1 } }
        #expect(!interrupts.isInterrupted)
        interrupts.receive(SIGUSR1)
        interrupts.receive(SIGUSR1)
        #expect(interrupts.isInterrupted)
        #expect(interrupts.signal == SIGUSR1)
        #expect(calls.withLock { $0 } == 1)
    }

    @Test func handlerAddedAfterTheSignalRunsAtOnce() {
        let interrupts = InterruptSignals.install(signals: [SIGUSR1])
        defer { interrupts.uninstall() }
        interrupts.receive(SIGUSR1)
        let ran = Mutex(false)
        interrupts.onInterrupt { ran.withLock { $0 = true } }
        #expect(ran.withLock { $0 })
    }

    @Test func aRealSignalWakesTheWaiter() async throws {
        let interrupts = InterruptSignals.install(signals: [SIGUSR2])
        defer { interrupts.uninstall() }
        let received = try await withTimeLimit(.seconds(10)) {
            async let waited = interrupts.wait()
            // Caught by the process now, so it cannot kill the test runner even if it arrives first.
            kill(getpid(), SIGUSR2)
            return await waited
        }
        #expect(received == SIGUSR2)
        #expect(interrupts.isInterrupted)
    }

    @Test func cancelledWaitReturnsNil() async throws {
        let interrupts = InterruptSignals.install(signals: [SIGUSR1])
        defer { interrupts.uninstall() }
        let waiter = Task { await interrupts.wait() }
        waiter.cancel()
        let result = try await withTimeLimit(.seconds(10)) { await waiter.value }
        #expect(result == nil)
        #expect(!interrupts.isInterrupted)
    }

    /// `loadgen ab` and `loadgen suite` watch for the whole session while each run watches for itself, and runs
    /// follow one another in one process: a watcher installed after an earlier one came and went must still get a
    /// real signal (libdispatch's handler must not be replaced), and a watcher that went must not.
    @Test func watchersThatComeAndGoKeepRealSignalsArriving() async throws {
        // SIGPROF: no other test uses it.
        let earlierRun = InterruptSignals.install(signals: [SIGPROF])
        earlierRun.uninstall()
        let session = InterruptSignals.install(signals: [SIGPROF])
        let run = InterruptSignals.install(signals: [SIGPROF])
        run.uninstall()
        run.uninstall()  // a second call changes nothing
        let received = try await withTimeLimit(.seconds(10)) {
            async let waited = session.wait()
            kill(getpid(), SIGPROF)
            return await waited
        }
        #expect(received == SIGPROF)
        #expect(!run.isInterrupted && !earlierRun.isInterrupted)
        #expect(Self.isCaught(SIGPROF))
        session.uninstall()
        // The last watcher gone, the signal has its default action again.
        #expect(!Self.isCaught(SIGPROF))
    }

    private static func isCaught(_ number: Int32) -> Bool {
        var current = sigaction()
        sigaction(number, nil, &current)
        #if canImport(Glibc)
            return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) != unsafeBitCast(SIG_DFL, to: Int.self)
        #else
            return unsafeBitCast(current.__sigaction_u.__sa_handler, to: Int.self) != unsafeBitCast(SIG_DFL, to: Int.self)
        #endif
    }

    @Test func runnerExitCodeIs130() {
        #expect(InterruptSignals.exitCode == 130)
    }
}
