import Foundation
import NIOCore
import NIOPosix

/// Sends raw bytes over a fresh TCP connection and returns everything the server sends until it closes,
/// for requests a well-behaved client would not make (a declared body far larger than what is sent).
enum RawHTTP {
    static func exchange(port: Int, sending bytes: [UInt8], limit: Duration = .seconds(10)) async throws -> String {
        try await withTimeout(limit, "a raw HTTP exchange") {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelOption(.allowRemoteHalfClosure, value: true)
                .connect(host: "127.0.0.1", port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            return try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(bytes: bytes))
                var received = ByteBuffer()
                for try await var chunk in inbound {
                    received.writeBuffer(&chunk)
                }
                return String(buffer: received)
            }
        }
    }
}
