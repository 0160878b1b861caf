import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// One TLS handshake with the target before the run, with the run's own settings. When it fails certificate
/// verification, BoringSSL says only "CERTIFICATE_VERIFY_FAILED"; a second handshake that verifies nothing fetches
/// the certificate so the reason can be named — expired, not yet valid, or issued by a CA that is not trusted — and
/// every `tls` error sample of the run carries it.
enum TLSDiagnosis {
    /// nil when the handshake succeeds; else what is wrong, in words (also kept in `tls.verifyFailureReason`).
    static func run(tls: ClientTLS, remote: SocketAddress, group: any EventLoopGroup, timeout: Duration) async -> String? {
        let failure: any Error
        switch await handshake(context: tls.context, serverName: tls.serverName, remote: remote, group: group, timeout: timeout) {
        case .success: return nil
        case .failure(let error): failure = error
        }
        if TransportError.isCertificateVerifyFailure(failure) {
            var unverified = TLSConfiguration.makeClientConfiguration()
            unverified.certificateVerification = .none
            if let context = try? NIOSSLContext(configuration: unverified),
                case .success(let leaf?) = await handshake(
                    context: context, serverName: tls.serverName, remote: remote, group: group, timeout: timeout)
            {
                tls.verifyFailureReason = reason(for: leaf, now: Date(), trustSource: tls.trustSource)
            }
        }
        return TransportError.tlsMessage(failure, tls: tls)
    }

    /// Why a certificate that failed verification fails it, from its validity dates; otherwise its issuer.
    static func reason(for leaf: NIOSSLCertificate, now: Date, trustSource: String) -> String {
        let notAfter = Date(timeIntervalSince1970: TimeInterval(leaf.notValidAfter))
        let notBefore = Date(timeIntervalSince1970: TimeInterval(leaf.notValidBefore))
        let format = Date.ISO8601FormatStyle()
        if now > notAfter { return "certificate expired on \(notAfter.formatted(format))" }
        if now < notBefore { return "certificate not valid before \(notBefore.formatted(format))" }
        return "certificate signed by an unknown CA (trusted: \(trustSource)); set target.tls.ca_file to the CA that issued it"
    }

    /// Connects and completes a handshake; the peer's certificate on success.
    private static func handshake(
        context: NIOSSLContext, serverName: String?, remote: SocketAddress, group: any EventLoopGroup, timeout: Duration
    ) async -> Result<NIOSSLCertificate?, any Error> {
        let loop = group.next()
        let done = loop.makePromise(of: Void.self)
        let timer = loop.scheduleTask(in: .nanoseconds(timeout.nanoseconds)) { done.fail(TLSHandshakeTimeout(after: timeout)) }
        defer { timer.cancel() }
        do {
            let channel = try await ClientBootstrap(group: loop)
                .connectTimeout(.nanoseconds(timeout.nanoseconds))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: context, serverHostname: serverName))
                        try channel.pipeline.syncOperations.addHandler(HandshakeWatcher(done: done))
                    }
                }
                .connect(to: remote).get()
            defer { channel.close(promise: nil) }
            try await done.futureResult.get()
            return .success(try await channel.nioSSL_peerCertificate().get())
        } catch {
            done.fail(error)
            return .failure(error)
        }
    }
}

/// Completes a promise when the TLS handshake completes or fails.
private final class HandshakeWatcher: ChannelInboundHandler {
    typealias InboundIn = NIOAny
    private let done: EventLoopPromise<Void>

    init(done: EventLoopPromise<Void>) {
        self.done = done
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent { done.succeed() }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        done.fail(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        done.fail(ChannelError.ioOnClosedChannel)
        context.fireChannelInactive()
    }
}
