import Foundation
import Testing

/// `target.tls` end to end: the real `loadgen` binary against Python's HTTPS server with certificates made by the
/// test's own CA (openssl). A trusted CA (by `ca_file` and by `SSL_CERT_FILE`), mutual TLS, and every failure with
/// its reason in the summary's error samples: unknown CA, name mismatch, expired, client certificate required, a
/// handshake that never completes; and `insecure_skip_verify`, which warns.
@Suite(.serialized) struct TLSTargetTests {
    /// One second at 5/s of GET / against `url`, judged by `error_rate: 0%`.
    private static func scenario(url: String, tls: String?) -> String {
        """
        name: tls
        target:
          url: "\(url)"
        \(tls.map { "  tls: \($0)" } ?? "")
        requests:
          - { name: home, method: GET, path: /, expect: { status: 200 } }
        phases:
          - { name: steady, duration: 1s, arrival: { rate: 5/s } }
        options: { connect_timeout: 1s, request_timeout: 3s }
        sla:
          - { phase: steady, error_rate: 0% }
        """
    }

    private static func run(
        _ tls: String?, server: LoopbackServerProcess, in directory: borrowing TemporaryDirectory,
        environment: [String: String] = [:], host: String = "127.0.0.1"
    ) async throws -> LoadGenOutcome {
        let file = try directory.write("tls-\(UUID().uuidString).yaml", scenario(url: "https://\(host):\(server.port)", tls: tls))
        // The machine's own trust settings must not decide these cases: each test says what it trusts.
        var environment = environment
        for name in ["SSL_CERT_FILE", "SSL_CERT_DIR"] where environment[name] == nil { environment[name] = "" }
        return try await LoadGenProcess.run(
            ["run", file, "--db", directory.path("results.sqlite")], in: directory.url, within: .seconds(60),
            environment: environment)
    }

    @Test func aTrustedCAByCAFileOrSSLCertFilePasses_andServerNameIsTheNameChecked() async throws {
        let directory = try TemporaryDirectory()
        let certificates = try TestCertificates.make(in: directory.url)
        try await PythonTLSServer.with(certificate: certificates.server, in: directory.url) { server in
            let byFile = try await Self.run("{ ca_file: ca.pem }", server: server, in: directory)
            #expect(byFile.exitCode == 0, "\(byFile)")
            #expect(byFile.stdout.contains("PASSED"), "\(byFile.stdout)")
            let byName = try await Self.run("{ ca_file: ca.pem, server_name: localhost }", server: server, in: directory)
            #expect(byName.exitCode == 0, "\(byName)")
            let byEnvironment = try await Self.run(
                nil, server: server, in: directory, environment: ["SSL_CERT_FILE": certificates.ca])
            #expect(byEnvironment.exitCode == 0, "\(byEnvironment)")
        }
    }

    @Test func anUntrustedCAIsNamedAsSuch_andInsecureSkipVerifyPassesWithAWarning() async throws {
        let directory = try TemporaryDirectory()
        let certificates = try TestCertificates.make(in: directory.url)
        try await PythonTLSServer.with(certificate: certificates.server, in: directory.url) { server in
            let untrusted = try await Self.run(nil, server: server, in: directory)
            #expect(untrusted.exitCode == 1, "\(untrusted)")
            #expect(untrusted.stdout.contains("tls: TLS: certificate signed by an unknown CA"), "\(untrusted.stdout)")
            #expect(untrusted.stderr.contains("warning: the TLS handshake with"), "\(untrusted.stderr)")
            #expect(untrusted.stderr.contains("set target.tls.ca_file"), "\(untrusted.stderr)")

            let insecure = try await Self.run("{ insecure_skip_verify: true }", server: server, in: directory)
            #expect(insecure.exitCode == 0, "\(insecure)")
            #expect(insecure.stderr.contains("warning: target.tls.insecure_skip_verify is set"), "\(insecure.stderr)")
        }
    }

    @Test func aWrongNameAndAnExpiredCertificateSayWhichItIs() async throws {
        let directory = try TemporaryDirectory()
        let certificates = try TestCertificates.make(in: directory.url)
        try await PythonTLSServer.with(certificate: certificates.wrongName, in: directory.url) { server in
            let outcome = try await Self.run("{ ca_file: ca.pem, server_name: localhost }", server: server, in: directory)
            #expect(outcome.exitCode == 1, "\(outcome)")
            #expect(
                outcome.stdout.contains("tls: TLS: certificate name mismatch: the certificate does not name 'localhost'"),
                "\(outcome.stdout)")
        }
        try await PythonTLSServer.with(certificate: certificates.expired, in: directory.url) { server in
            let outcome = try await Self.run("{ ca_file: ca.pem }", server: server, in: directory)
            #expect(outcome.exitCode == 1, "\(outcome)")
            #expect(outcome.stdout.contains("tls: TLS: certificate expired on 2020-01-02T00:00:00Z"), "\(outcome.stdout)")
        }
    }

    @Test func aServerRequiringAClientCertificateSaysSo_andMutualTLSPasses() async throws {
        let directory = try TemporaryDirectory()
        let certificates = try TestCertificates.make(in: directory.url)
        try await PythonTLSServer.with(certificate: certificates.server, clientCA: certificates.ca, in: directory.url) {
            server in
            let without = try await Self.run("{ ca_file: ca.pem }", server: server, in: directory)
            #expect(without.exitCode == 1, "\(without)")
            #expect(without.stdout.contains("tls: TLS: the server requires a client certificate"), "\(without.stdout)")
            let with = try await Self.run(
                "{ ca_file: ca.pem, client_cert: client.pem, client_key: client.key }", server: server, in: directory)
            #expect(with.exitCode == 0, "\(with)")
        }
    }

    @Test func aHandshakeThatNeverCompletesTimesOutAsTLS() async throws {
        let directory = try TemporaryDirectory()
        _ = try TestCertificates.make(in: directory.url)
        try await PythonTLSServer.with(certificate: nil, in: directory.url) { server in
            let outcome = try await Self.run("{ ca_file: ca.pem }", server: server, in: directory)
            #expect(outcome.exitCode == 1, "\(outcome)")
            #expect(outcome.stdout.contains("tls: TLS handshake timed out after 1"), "\(outcome.stdout)")
        }
    }

    @Test func unreadableFilesAndHalfAClientPairAreClearErrors() async throws {
        let directory = try TemporaryDirectory()
        let half = try directory.write(
            "half.yaml", Self.scenario(url: "https://127.0.0.1:9", tls: "{ client_cert: client.pem }"))
        let invalid = try await LoadGenProcess.run(["run", half, "--db", directory.path("r.sqlite")], in: directory.url)
        #expect(invalid.exitCode == 2, "\(invalid)")
        #expect(invalid.stderr.contains("needs both client_cert and client_key"), "\(invalid.stderr)")

        let bundled = try directory.write(
            "bundled.yaml",
            """
            name: tls
            target: { bundled: { replicas: 1 }, tls: { ca_file: ca.pem } }
            requests: [{ name: home, method: GET, path: /healthz }]
            phases: [{ name: steady, duration: 1s, arrival: { rate: 1/s } }]
            """)
        let plain = try await LoadGenProcess.run(["run", bundled, "--db", directory.path("r.sqlite")], in: directory.url)
        #expect(plain.exitCode == 2, "\(plain)")
        #expect(plain.stderr.contains("the bundled service speaks plain HTTP"), "\(plain.stderr)")

        let missing = try directory.write(
            "missing.yaml", Self.scenario(url: "https://127.0.0.1:9", tls: "{ ca_file: nowhere.pem }"))
        let unreadable = try await LoadGenProcess.run(["run", missing, "--db", directory.path("r.sqlite")], in: directory.url)
        #expect(unreadable.exitCode == 3, "\(unreadable)")
        #expect(unreadable.stderr.contains("target.tls.ca_file: cannot read"), "\(unreadable.stderr)")
    }
}
