/// `target.tls`: how loadgen trusts an https:// target and proves itself to it. Paths are relative to the scenario
/// file. Without `ca_file`, `SSL_CERT_FILE` / `SSL_CERT_DIR` are honoured, then the system's trust store.
public struct TargetTLS: Sendable, Equatable {
    /// PEM file of the CA certificate(s) to trust instead of the system's (an internal CA).
    public var caFile: String?
    /// PEM client certificate (chain) for mutual TLS; needs `clientKey`.
    public var clientCertificate: String?
    /// PEM private key of `clientCertificate`.
    public var clientKey: String?
    /// The name sent as SNI and checked against the certificate, when it differs from the URL's host (an IP, an
    /// internal load balancer name).
    public var serverName: String?
    /// Accept any certificate. For experiments only: every run that sets it says so.
    public var insecureSkipVerify: Bool

    public init(
        caFile: String? = nil, clientCertificate: String? = nil, clientKey: String? = nil, serverName: String? = nil,
        insecureSkipVerify: Bool = false
    ) {
        self.caFile = caFile
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.serverName = serverName
        self.insecureSkipVerify = insecureSkipVerify
    }
}
