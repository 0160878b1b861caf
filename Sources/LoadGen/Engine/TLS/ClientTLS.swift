import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOSSL

/// The engine's TLS for an https:// target: which CAs it trusts (`target.tls.ca_file`, else `SSL_CERT_FILE` /
/// `SSL_CERT_DIR`, else the system's store), its client certificate, the name it verifies, and — once a handshake
/// failed certificate verification — why (`TLSDiagnosis`), so error samples and the summary can say it.
final class ClientTLS: Sendable {
    let context: NIOSSLContext
    /// Sent as SNI and checked against the certificate; nil for an IP address without `server_name`.
    let serverName: String?
    /// Where trust comes from, for messages ("target.tls.ca_file certs/ca.pem").
    let trustSource: String
    let verifies: Bool
    private let verifyFailure = NIOLockedValueBox<String?>(nil)

    /// Loads every file now, so a missing or unreadable one stops the run before any request with a located error.
    init(settings: TargetTLS?, host: String, environment: [String: String], baseDirectory: URL) throws(EngineError) {
        let settings = settings ?? TargetTLS()
        var configuration = TLSConfiguration.makeClientConfiguration()
        func path(_ file: String) -> String { URL(fileURLWithPath: file, relativeTo: baseDirectory).path }
        if settings.insecureSkipVerify {
            configuration.certificateVerification = .none
            trustSource = "nothing (insecure_skip_verify)"
        } else if let caFile = settings.caFile {
            let certificates = try Self.certificates(at: path(caFile), key: "target.tls.ca_file")
            configuration.trustRoots = .certificates(certificates)
            trustSource = "target.tls.ca_file \(caFile)"
        } else if let file = environment["SSL_CERT_FILE"], !file.isEmpty {
            configuration.trustRoots = .certificates(try Self.certificates(at: file, key: "SSL_CERT_FILE"))
            trustSource = "SSL_CERT_FILE \(file)"
        } else if let directory = environment["SSL_CERT_DIR"], !directory.isEmpty {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw EngineError("SSL_CERT_DIR \(directory) is not a directory; point it at a directory of CA certificates")
            }
            // OpenSSL's layout: one PEM certificate per file, named by subject hash (c_rehash / update-ca-certificates).
            configuration.trustRoots = .file(directory)
            trustSource = "SSL_CERT_DIR \(directory)"
        } else {
            trustSource = "the system's trust store"
        }
        if let certificate = settings.clientCertificate, let key = settings.clientKey {
            let chain = try Self.certificates(at: path(certificate), key: "target.tls.client_cert")
            configuration.certificateChain = chain.map { .certificate($0) }
            do {
                configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: path(key), format: .pem))
            } catch {
                throw EngineError(
                    "target.tls.client_key \(key): cannot read a PEM private key from \(path(key)) (\(error)); "
                        + "give the unencrypted key of client_cert")
            }
        }
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw EngineError(
                "target.tls: cannot set up TLS with these files (\(error)); check that client_key belongs to client_cert")
        }
        let isIPAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
        serverName = settings.serverName ?? (isIPAddress ? nil : host)
        verifies = !settings.insecureSkipVerify
    }

    /// What a certificate verification failure meant, once `TLSDiagnosis` found out (nil before).
    var verifyFailureReason: String? {
        get { verifyFailure.withLockedValue { $0 } }
        set { verifyFailure.withLockedValue { $0 = newValue } }
    }

    private static func certificates(at path: String, key: String) throws(EngineError) -> [NIOSSLCertificate] {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw EngineError("\(key): cannot read \(path); give the path of a PEM file (relative to the scenario file)")
        }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMBytes(Array(bytes))
        } catch {
            throw EngineError("\(key): \(path) holds no PEM certificate (\(error)); give a file with -----BEGIN CERTIFICATE-----")
        }
        guard !certificates.isEmpty else {
            throw EngineError("\(key): \(path) holds no PEM certificate; give a file with -----BEGIN CERTIFICATE-----")
        }
        return certificates
    }
}
