import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import Testing
@testable import TargetService

/// A replica sharing a port binds it only once it can serve (`beforeBinding`), and a shutdown while it waits ends
/// the wait instead of hanging the service.
@Suite struct BindWhenReadyTests {
    private static func server(readiness: Readiness, bound: BoundPort) -> HTTPServer<RouterResponder<BasicRequestContext>> {
        let router = Router(context: BasicRequestContext.self)
        router.get("/ping") { _, _ in "pong" }
        return HTTPServer(
            responder: router.buildResponder(), configuration: .init(host: "127.0.0.1", port: 0), logger: Logger(label: "test"),
            onBound: { address in bound.port.withLock { $0 = address.port } },
            onShutdownStarted: { readiness.markDraining() },
            beforeBinding: {
                await readiness.waitUntilLoaded()
                return readiness.current == .ready
            })
    }

    @Test func bindsOnlyOnceReady() async throws {
        let readiness = Readiness()
        let bound = BoundPort()
        let running = Task { try await Self.server(readiness: readiness, bound: bound).run() }
        // Still loading: nothing is bound however long we look (a bounded look, not a proof).
        try await Task.sleep(for: .milliseconds(200))
        #expect(bound.port.withLock { $0 } == nil)
        readiness.markReady()
        try await waitUntil("the listener to bind", within: .seconds(10), every: .milliseconds(10)) {
            bound.port.withLock { $0 } != nil
        }
        running.cancel()
        _ = try? await running.value
    }

    @Test func cancellationWhileWaitingEndsTheServerWithoutBinding() async throws {
        let readiness = Readiness()
        let bound = BoundPort()
        let running = Task { try await Self.server(readiness: readiness, bound: bound).run() }
        running.cancel()
        try await withTimeout(.seconds(10), "the waiting server to end") { try await running.value }
        #expect(bound.port.withLock { $0 } == nil)
        #expect(readiness.current == .draining)
    }
}

/// The port the server under test bound, once it has.
private final class BoundPort: Sendable {
    let port = Mutex<Int?>(nil)
}
