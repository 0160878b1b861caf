import Testing
@testable import LoadGen

/// The rule for resending a request lost to a server's close: only when nothing of it can have been processed.
@Suite struct RaceWithIdleCloseTests {
    private func request(wireOffset: UInt64, retried: Bool = false) -> Connection.InFlight {
        Connection.InFlight(phase: 0, request: 0, variant: 0, intended: 0, sent: 0, wireOffset: wireOffset, retried: retried)
    }

    @Test func onlyAReusedConnectionWithoutAnyResponseByteMayRetry() {
        #expect(RaceWithIdleClose.mayRetry(request(wireOffset: 300), reused: true, responseStarted: false))
        #expect(!RaceWithIdleClose.mayRetry(request(wireOffset: 0), reused: false, responseStarted: false))
        #expect(!RaceWithIdleClose.mayRetry(request(wireOffset: 300), reused: true, responseStarted: true))
        #expect(!RaceWithIdleClose.mayRetry(request(wireOffset: 300, retried: true), reused: true, responseStarted: false))
    }

    @Test func theServerMustHaveAcknowledgedNoneOfItsBytes() {
        // 300 bytes written before this request; the SYN counts as one acknowledged byte.
        #expect(RaceWithIdleClose.serverNeverReceived(request(wireOffset: 300), acknowledged: 301))
        #expect(RaceWithIdleClose.serverNeverReceived(request(wireOffset: 300), acknowledged: 250))
        #expect(!RaceWithIdleClose.serverNeverReceived(request(wireOffset: 300), acknowledged: 302))
        #expect(!RaceWithIdleClose.serverNeverReceived(request(wireOffset: 300), acknowledged: nil))
    }
}
