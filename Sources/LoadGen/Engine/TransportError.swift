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
    static func classifyConnect(_ error: any Error) -> (ErrorCode, String) {
        if let connection = error as? NIOConnectionError {
            if connection.connectionErrors.isEmpty, let dns = connection.dnsAAAAError ?? connection.dnsAError {
                return (.connectRefused, "name resolution failed: \(dns)")
            }
            if let first = connection.connectionErrors.first { return classifyConnect(first.error) }
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel { return (.connectTimeout, "connect timed out") }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return (.connectRefused, "connection refused")
            case ETIMEDOUT: return (.connectTimeout, "connect timed out")
            default: return (.connectRefused, "connect failed: \(io)")
            }
        }
        if error is NIOSSLError { return (.tls, "TLS handshake failed: \(error)") }
        return (.connectRefused, "connect failed: \(error)")
    }

    static func classifyInFlight(_ error: any Error) -> (ErrorCode, String) {
        if error is NIOSSLError || error is BoringSSLError { return (.tls, "TLS error: \(error)") }
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
}
