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
            // Ignored by the process now, so it cannot kill the test runner even if it arrives first.
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

    @Test func runnerExitCodeIs130() {
        #expect(InterruptSignals.exitCode == 130)
    }
}
