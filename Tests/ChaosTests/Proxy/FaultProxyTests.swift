import Foundation
import NIOCore
import NIOPosix
import Testing

@testable import Chaos

/// The proxy on real sockets (127.0.0.1, port 0) in front of an echo server: each toxic's effect on the bytes and
/// on how the connection ends. Timing checks are lower bounds only (a busy machine is slower, never faster).
@Suite(.serialized) struct FaultProxyTests {
    let group = MultiThreadedEventLoopGroup.singleton

    func withEchoProxy(
        _ toxics: [Toxic] = [], seed: UInt64 = 1, _ body: (FaultProxy, EchoServer) async throws -> Void
    ) async throws {
        let echo = try await EchoServer(group: group)
        let proxy = try await FaultProxy.start(
            name: "echo", listen: "127.0.0.1:0", upstream: "127.0.0.1:\(echo.port)", group: group, seed: seed)
        for toxic in toxics { try await proxy.addToxic(toxic) }
        do {
            try await body(proxy, echo)
        } catch {
            await proxy.stop()
            await echo.stop()
            throw error
        }
        await proxy.stop()
        await echo.stop()
    }

    func text(_ count: Int) -> String { String(repeating: "x", count: count) }

    @Test func passesBytesBothWaysWithoutToxics() async throws {
        try await withEchoProxy { proxy, _ in
            #expect(proxy.listenPort > 0)
            let socket = try TestSocket(port: proxy.listenPort)
            socket.send("hello proxy")
            let result = socket.read(count: 11)
            #expect(String(decoding: result.bytes, as: UTF8.self) == "hello proxy")
        }
    }

    @Test func limitDataClosesAfterTheLimit() async throws {
        try await withEchoProxy([Toxic(name: "limit", type: "limit_data", attributes: ["bytes": 10])]) { proxy, _ in
            let socket = try TestSocket(port: proxy.listenPort)
            socket.send(text(100))
            let result = socket.readToStop()
            #expect(result.bytes.count == 10)
            #expect(result.stop == .end)
        }
    }

    @Test func slicerDeliversInManySmallReads() async throws {
        let slicer = Toxic(name: "slice", type: "slicer", attributes: ["average_size": 10, "size_variation": 0, "delay": 10000])
        try await withEchoProxy([slicer]) { proxy, _ in
            let socket = try TestSocket(port: proxy.listenPort)
            socket.send(text(200))
            let result = socket.read(count: 200)
            #expect(result.bytes.count == 200)
            #expect(result.reads > 3, "slices 10 ms apart arrive in several reads (got \(result.reads))")
        }
    }

    @Test func resetPeerGivesConnectionReset() async throws {
        try await withEchoProxy([Toxic(name: "reset", type: "reset_peer", attributes: ["timeout": 0])]) { proxy, _ in
            let socket = try TestSocket(port: proxy.listenPort)
            socket.send("ping")
            #expect(socket.readToStop().stop == .reset)
        }
    }

    @Test func timeoutHoldsDataThenCloses() async throws {
        try await withEchoProxy([Toxic(name: "timeout", type: "timeout", attributes: ["timeout": 300])]) { proxy, _ in
            let started = ContinuousClock.now
            let socket = try TestSocket(port: proxy.listenPort)
            socket.send("ping")
            let result = socket.readToStop()
            #expect(result.bytes.isEmpty)
            #expect(result.stop == .end)
            #expect(ContinuousClock.now - started >= .milliseconds(250))
        }
    }

    @Test func timeoutZeroHoldsUntilRemoved() async throws {
        try await withEchoProxy([Toxic(name: "hang", type: "timeout", stream: .upstream)]) { proxy, echo in
            let socket = try TestSocket(port: proxy.listenPort, timeout: 0.3)
            socket.send("lost")
            #expect(socket.readOnce() == .timedOut)
            #expect(echo.receivedBytes.current == 0)
            await proxy.removeToxic(named: "hang")
            socket.send("back")
            #expect(String(decoding: socket.read(count: 4).bytes, as: UTF8.self) == "back")
        }
    }

    @Test func latencyDelaysTheAnswer() async throws {
        try await withEchoProxy([Toxic(name: "slow", type: "latency", attributes: ["latency": 200])]) { proxy, _ in
            let socket = try TestSocket(port: proxy.listenPort)
            let started = ContinuousClock.now
            socket.send("ping")
            #expect(socket.read(count: 4).bytes.count == 4)
            #expect(ContinuousClock.now - started >= .milliseconds(200))
        }
    }

    @Test func bandwidthSlowsTheTransfer() async throws {
        // 4000 bytes at 10 KB/s take 400 ms downstream.
        try await withEchoProxy([Toxic(name: "thin", type: "bandwidth", attributes: ["rate": 10])]) { proxy, _ in
            let socket = try TestSocket(port: proxy.listenPort)
            let started = ContinuousClock.now
            socket.send(text(4000))
            #expect(socket.read(count: 4000).bytes.count == 4000)
            #expect(ContinuousClock.now - started >= .milliseconds(350))
        }
    }

    @Test func toxicAddedLaterReachesAnOpenConnection() async throws {
        try await withEchoProxy { proxy, _ in
            let socket = try TestSocket(port: proxy.listenPort)
            socket.send("a")
            #expect(socket.read(count: 1).bytes.count == 1)
            try await proxy.addToxic(Toxic(name: "slow", type: "latency", attributes: ["latency": 250]))
            let started = ContinuousClock.now
            socket.send("b")
            #expect(socket.read(count: 1).bytes == Array("b".utf8))
            #expect(ContinuousClock.now - started >= .milliseconds(250))
        }
    }

    @Test func toxicityZeroSparesAndOneHitsTheConnection() async throws {
        try await withEchoProxy([Toxic(name: "cut", type: "limit_data", toxicity: 0, attributes: ["bytes": 0])]) { proxy, _ in
            let socket = try TestSocket(port: proxy.listenPort)
            socket.send("spared")
            #expect(socket.read(count: 6).bytes.count == 6)
            try await proxy.updateToxic(named: "cut", attributes: [:], toxicity: 1)
            let hit = try TestSocket(port: proxy.listenPort)
            hit.send("hit")
            #expect(hit.readToStop() == ([], .end))
        }
    }

    @Test func disabledProxyClosesConnectionsAndRefusesNewOnes() async throws {
        try await withEchoProxy { proxy, _ in
            let port = proxy.listenPort
            let open = try TestSocket(port: port)
            open.send("a")
            #expect(open.read(count: 1).bytes.count == 1)
            await proxy.setEnabled(false)
            #expect([.end, .reset].contains(open.readToStop().stop))
            #expect(throws: POSIXError.self) { try TestSocket(port: port) }
            await proxy.setEnabled(true)
            #expect(proxy.listenPort == port)
            let again = try TestSocket(port: port)
            again.send("b")
            #expect(again.read(count: 1).bytes == Array("b".utf8))
        }
    }

    @Test func duplicateToxicNamesAreRejected() async throws {
        try await withEchoProxy([Toxic(name: "slow", type: "latency")]) { proxy, _ in
            await #expect(throws: FaultError.self) { try await proxy.addToxic(Toxic(name: "slow", type: "bandwidth")) }
            await proxy.removeToxic(named: "slow")
            await proxy.removeToxic(named: "slow")
            #expect(proxy.toxics().isEmpty)
        }
    }
}
