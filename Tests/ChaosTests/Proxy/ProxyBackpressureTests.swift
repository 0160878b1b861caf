import Foundation
import NIOCore
import NIOPosix
import Testing

@testable import Chaos

/// The proxy must not buffer what the receiver does not take: with an upstream that never reads, the client's
/// writes stall once the kernel buffers are full, instead of the proxy reading everything into memory.
@Suite(.serialized) struct ProxyBackpressureTests {
    let group = MultiThreadedEventLoopGroup.singleton
    let attempted = 64 * 1024 * 1024

    func withStalledUpstream(_ toxics: [Toxic], _ body: (FaultProxy) async throws -> Void) async throws {
        // Accepts connections and never reads from them.
        let stalled = try await ServerBootstrap(group: group)
            .childChannelOption(ChannelOptions.autoRead, value: false)
            .bind(host: "127.0.0.1", port: 0).get()
        let proxy = try await FaultProxy.start(
            name: "stalled", listen: "127.0.0.1:0", upstream: "127.0.0.1:\(stalled.localAddress!.port!)", group: group)
        for toxic in toxics { try await proxy.addToxic(toxic) }
        do {
            try await body(proxy)
        } catch {
            await proxy.stop()
            try? await stalled.close()
            throw error
        }
        await proxy.stop()
        try? await stalled.close()
    }

    @Test func rawPathStopsReadingWhenTheUpstreamDoesNot() async throws {
        try await withStalledUpstream([]) { proxy in
            let socket = try TestSocket(port: proxy.listenPort, timeout: 1)
            let accepted = socket.sendUntilBlocked(count: attempted)
            #expect(accepted < attempted, "the proxy took all \(accepted) bytes although the upstream reads nothing")
        }
    }

    @Test func toxicPathStopsReadingWhenTheUpstreamDoesNot() async throws {
        try await withStalledUpstream([Toxic(name: "slow", type: "latency", stream: .upstream, attributes: ["latency": 1])]) {
            proxy in
            let socket = try TestSocket(port: proxy.listenPort, timeout: 1)
            let accepted = socket.sendUntilBlocked(count: attempted)
            #expect(accepted < attempted, "the proxy took all \(accepted) bytes although the upstream reads nothing")
        }
    }
}
