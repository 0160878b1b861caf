import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// What the kernel knows of a connection's TCP state (`getsockopt(TCP_INFO)`, Linux): here, how many bytes the
/// server's TCP acknowledged. The engine reads it once, when a reused connection ends before any byte of a response
/// arrived, to tell a request the server never received from one it may have processed.
enum TCPInfo {
    /// Bytes the peer acknowledged, SYN included (RFC 4898 `tcpEStatsAppHCThruOctetsAcked`, Linux `tcpi_bytes_acked`).
    /// Completes on the channel's event loop (at once when called there); nil where the value cannot be read.
    static func bytesAcknowledged(by channel: any Channel) -> EventLoopFuture<UInt64?> {
        #if os(Linux)
            guard let provider = channel as? any SocketOptionProvider else { return channel.eventLoop.makeSucceededFuture(nil) }
            // `struct tcp_info` as 17 little-endian words: `tcpi_bytes_acked` is the u64 at byte offset 120. A tuple of
            // one element type is laid out contiguously, and the kernel copies min(our length, its length) bytes.
            let info: EventLoopFuture<RawTCPInfo> = provider.unsafeGetSocketOption(
                level: NIOBSDSocket.OptionLevel(rawValue: CInt(IPPROTO_TCP)), name: NIOBSDSocket.Option(rawValue: TCP_INFO))
            return info.map { raw -> UInt64? in raw.15 }.recover { _ in nil }
        #else
            return channel.eventLoop.makeSucceededFuture(nil)
        #endif
    }

    typealias RawTCPInfo = (
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64
    )
}
