import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Maps the errors SwiftNIO reports to the fixed error taxonomy, with a short message for the error samples.
enum TransportError {
    static func classifyConnect(_ error: any Error, tls: ClientTLS? = nil) -> (ErrorCode, String) {
        if let connection = error as? NIOConnectionError {
            if connection.connectionErrors.isEmpty, let dns = connection.dnsAAAAError ?? connection.dnsAError {
                return (.connectRefused, "name resolution failed: \(dns)")
            }
            if let first = connection.connectionErrors.first { return classifyConnect(first.error, tls: tls) }
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel { return (.connectTimeout, "connect timed out") }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return (.connectRefused, "connection refused")
            case ETIMEDOUT: return (.connectTimeout, "connect timed out")
            default: return (.connectRefused, "connect failed: \(io)")
            }
        }
        if let message = tlsMessage(error, tls: tls) { return (.tls, message) }
        return (.connectRefused, "connect failed: \(error)")
    }

    static func classifyInFlight(_ error: any Error, tls: ClientTLS? = nil) -> (ErrorCode, String) {
        if let message = tlsMessage(error, tls: tls) { return (.tls, message) }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNRESET: return (.reset, "connection reset by peer")
            case EPIPE: return (.reset, "broken pipe")
            default: return (.reset, "I/O error: \(io)")
            }
        }
        if let parse = error as? HTTPResponseParser.ParseError { return (.reset, "invalid response: \(parse)") }
        return (.reset, "\(error)")
    }

    /// A TLS failure in words a user can act on (unknown CA, name mismatch, expired, handshake timeout, client
    /// certificate required, not TLS at all); nil when `error` is not about TLS.
    static func tlsMessage(_ error: any Error, tls: ClientTLS?) -> String? {
        if let timeout = error as? TLSHandshakeTimeout {
            return "\(timeout) (the server accepted the connection but never completed a TLS handshake)"
        }
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            let name = tls?.serverName.map { "'\($0)'" } ?? "the target's address"
            return
                "TLS: certificate name mismatch: the certificate does not name \(name); set target.tls.server_name to a name it carries"
        }
        guard error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError else { return nil }
        let text = "\(error)"
        if isCertificateVerifyFailure(error) {
            return "TLS: "
                + (tls?.verifyFailureReason
                    ?? "certificate verification failed (trusted: \(tls?.trustSource ?? "the system's trust store"))")
        }
        if text.contains("CERTIFICATE_REQUIRED") {
            return "TLS: the server requires a client certificate; set target.tls.client_cert and client_key"
        }
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("PACKET_LENGTH_TOO_LONG") {
            return "TLS: the server did not answer in TLS (is it plain HTTP on this port? use http://)"
        }
        if text.contains("ALERT_HANDSHAKE_FAILURE") || text.contains("ALERT_BAD_CERTIFICATE") || text.contains("ALERT_UNKNOWN_CA")
        {
            return "TLS: the server refused the handshake (\(text)); it may require a client certificate it trusts"
        }
        return "TLS error: \(text)"
    }

    /// Whether the handshake failed because the server's certificate did not verify.
    static func isCertificateVerifyFailure(_ error: any Error) -> Bool {
        (error is NIOSSLError || error is BoringSSLError) && "\(error)".contains("CERTIFICATE_VERIFY_FAILED")
    }
}
