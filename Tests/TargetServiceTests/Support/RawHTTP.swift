import Foundation
import NIOCore
import NIOPosix

/// Sends raw bytes over a fresh TCP connection and returns everything the server sends until it closes,
/// for requests a well-behaved client would not make (a declared body far larger than what is sent).
enum RawHTTP {
    /// With `halfClose` the client shuts its sending side after the bytes, as a client that has nothing more to
    /// send does; the server still answers on the other side.
    static func exchange(
        port: Int, sending bytes: [UInt8], halfClose: Bool = false, limit: Duration = .seconds(10)
    ) async throws -> String {
        try await withTimeout(limit, "a raw HTTP exchange") {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelOption(.allowRemoteHalfClosure, value: true)
                .connect(host: "127.0.0.1", port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                            wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
                    }
                }
            return try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(bytes: bytes))
                if halfClose { outbound.finish() }
                var received = ByteBuffer()
                for try await var chunk in inbound {
                    received.writeBuffer(&chunk)
                }
                return String(buffer: received)
            }
        }
    }

    /// Sends `bytes`, waits for `resetWhen` to return, then resets the connection (SO_LINGER 0): a client that
    /// gives up mid-upload.
    static func sendThenReset(
        port: Int, sending bytes: [UInt8], resetWhen: @escaping @Sendable () async throws -> Void,
        limit: Duration = .seconds(20)
    ) async throws {
        try await withTimeout(limit, "a raw HTTP send and reset") {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: port).get()
            try await channel.writeAndFlush(ByteBuffer(bytes: bytes)).get()
            try await resetWhen()
            guard let options = channel as? any SocketOptionProvider else {
                throw ProcessError("no socket options on \(channel)")
            }
            try await options.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
            try await channel.close().get()
        }
    }

    /// The responses in what `exchange` returned, in order: status and body (bodies are framed by Content-Length).
    /// Interim 1xx responses (the service's `102 Processing` to a client that half-closed while its request waited)
    /// are left out, as HTTP clients do, unless `interim` asks for them.
    static func responses(in reply: String, interim: Bool = false) -> [(status: Int, body: String)] {
        var rest = Substring(reply)
        var found: [(Int, String)] = []
        while let headEnd = rest.range(of: "\r\n\r\n") {
            let lines = rest[..<headEnd.lowerBound].split(separator: "\r\n")
            guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/1.1 "),
                let status = Int(statusLine.dropFirst(9).prefix(3))
            else { break }
            let length =
                lines.dropFirst().first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
            let afterHead = rest[headEnd.upperBound...].utf8
            if interim || !(100..<200).contains(status) {
                found.append((status, String(decoding: afterHead.prefix(length), as: UTF8.self)))
            }
            rest = Substring(afterHead.dropFirst(length))
        }
        return found
    }
}
