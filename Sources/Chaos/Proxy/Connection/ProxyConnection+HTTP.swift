import NIOCore
import NIOHTTP1

/// Requests parsed on the client side (only on connections that parse HTTP): the HTTP toxics decide per request
/// whether it is delayed or answered with an abort, and forwarded parts go on as bytes through the upstream toxics.
extension ProxyConnection {
    func received(_ part: HTTPServerRequestPart) {
        guard !isClosed else { return }
        let now = NIODeadline.now()
        if case .head(let head) = part {
            let decision = decideRequest()
            let notBefore = max(releaseAt, now + decision.delay)
            if let status = decision.abortStatus {
                discardingAbortedRequest = true
                answerAborted(status: status, keepAlive: head.isKeepAlive, notBefore: notBefore)
                return
            }
            discardingAbortedRequest = false
            releaseAt = notBefore
        }
        guard !discardingAbortedRequest else { return }
        let bytes = requestWriter.bytes(for: part, allocator: client.allocator)
        guard bytes.readableBytes > 0 else { return }
        if releaseAt <= now {
            received(bytes, from: .client)
        } else {
            pipeline(.upstream).push(.data(bytes), at: now, notBefore: releaseAt)
            pump(.upstream)
        }
    }

    /// The abort answer goes through the downstream toxics like any response; the upstream never sees the request.
    private func answerAborted(status: Int, keepAlive: Bool, notBefore: NIODeadline) {
        let downstream = pipeline(.downstream)
        let response = HTTPRequestWriter.abortResponse(status: status, keepAlive: keepAlive, allocator: client.allocator)
        downstream.push(.data(response), at: .now(), notBefore: notBefore)
        if !keepAlive { downstream.push(.close, at: .now(), notBefore: notBefore) }
        pump(.downstream)
    }
}
