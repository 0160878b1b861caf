/// When a request lost to a server's close is sent again: only when nothing of it can have been processed.
///
/// A server may close an idle keep-alive connection at any moment (nginx's `keepalive_timeout`, a load balancer's
/// idle timeout). A request written while that close is on its way reaches a socket the server has already closed:
/// its kernel answers with a reset and its application never sees a byte. Counting that as an error would blame
/// the server for the client's timing; resending anything else could hide a real failure. So a lost request is
/// retried once, on a new connection, only when all of these hold:
/// - the connection had already carried a complete response (a new connection's failure is the target's);
/// - not one byte of a response to this request arrived;
/// - the server's TCP acknowledged none of the request's bytes (`tcpi_bytes_acked` no higher than the bytes written
///   before it, plus one for the SYN): a server application cannot have read bytes its kernel never acknowledged;
/// - it was not retried before.
/// Its latency still counts from its intended send time, so the reconnect is in it.
enum RaceWithIdleClose {
    static func mayRetry(_ request: Connection.InFlight, reused: Bool, responseStarted: Bool) -> Bool {
        reused && !responseStarted && !request.retried
    }

    static func serverNeverReceived(_ request: Connection.InFlight, acknowledged: UInt64?) -> Bool {
        guard let acknowledged else { return false }
        return acknowledged <= request.wireOffset &+ 1
    }
}
