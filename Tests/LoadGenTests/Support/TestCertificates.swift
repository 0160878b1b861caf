import Foundation

/// A test CA and certificates made with Debian's `openssl` for the TLS tests: a server certificate for `localhost`
/// and 127.0.0.1, one for another name, one that expired in 2020, and a client certificate, all signed by the CA.
/// P-256 keys, so making them takes a fraction of a second.
struct TestCertificates {
    let directory: URL
    var ca: String { path("ca.pem") }
    var server: (certificate: String, key: String) { (path("server.pem"), path("server.key")) }
    var wrongName: (certificate: String, key: String) { (path("wrongname.pem"), path("wrongname.key")) }
    var expired: (certificate: String, key: String) { (path("expired.pem"), path("expired.key")) }
    var client: (certificate: String, key: String) { (path("client.pem"), path("client.key")) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes everything into `directory`.
    static func make(in directory: URL) throws -> TestCertificates {
        let certificates = TestCertificates(directory: directory)
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        try write("index.txt", "")
        try write("serial", "1000\n")
        // `openssl ca` is the one way OpenSSL 3.0 sets arbitrary validity dates (for the expired certificate).
        try write(
            "ca.cnf",
            """
            [ ca ]
            default_ca = test
            [ test ]
            dir = .
            database = index.txt
            new_certs_dir = .
            serial = serial
            default_md = sha256
            policy = anything
            copy_extensions = copy
            unique_subject = no
            [ anything ]
            commonName = supplied

            """)
        try openssl(
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key",
                "-out", "ca.pem", "-days", "2", "-subj", "/CN=loadgen test CA",
            ], in: directory)
        func leaf(_ name: String, subject: String, extensions: String, dates: [String]) throws {
            try write("\(name).ext", extensions + "\n")
            try openssl(
                [
                    "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "\(name).key",
                    "-out", "\(name).csr", "-subj", subject,
                ], in: directory)
            try openssl(
                [
                    "ca", "-batch", "-notext", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-in",
                    "\(name).csr", "-out", "\(name).pem", "-extfile", "\(name).ext",
                ] + dates, in: directory)
        }
        let now = ["-days", "2"]
        try leaf("server", subject: "/CN=localhost", extensions: "subjectAltName=DNS:localhost,IP:127.0.0.1", dates: now)
        try leaf("wrongname", subject: "/CN=other.example", extensions: "subjectAltName=DNS:other.example", dates: now)
        try leaf(
            "expired", subject: "/CN=localhost", extensions: "subjectAltName=DNS:localhost,IP:127.0.0.1",
            dates: ["-startdate", "20200101000000Z", "-enddate", "20200102000000Z"])
        try leaf("client", subject: "/CN=loadgen-client", extensions: "extendedKeyUsage=clientAuth", dates: now)
        return certificates
    }

    private static func openssl(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ServerProcessExited(
                what: "openssl \(arguments.prefix(2).joined(separator: " "))", detail: String(decoding: message, as: UTF8.self))
        }
    }
}

/// Python's HTTPS server (the `ssl` module) on a free loopback port: a third-party TLS stack, optionally requiring a
/// client certificate signed by `clientCA`. Or, with `certificate` nil, a TCP server that accepts and never speaks.
enum PythonTLSServer {
    static func with<T>(
        certificate: (certificate: String, key: String)?, clientCA: String? = nil, in directory: URL,
        _ body: (LoopbackServerProcess) async throws -> T
    ) async throws -> T {
        let script = directory.appendingPathComponent("tls_server.py")
        try Data(Self.script.utf8).write(to: script)
        let server = try LoopbackServerProcess("/usr/bin/env") { port in
            ["python3", script.path, "\(port)"] + (certificate.map { [$0.certificate, $0.key] } ?? [])
                + (clientCA.map { [$0] } ?? [])
        }
        defer { server.stop() }
        try await server.waitUntilListening("the Python TLS server")
        return try await body(server)
    }

    private static let script = """
        import http.server, socket, ssl, sys, time
        port = int(sys.argv[1])
        if len(sys.argv) == 2:
            # Accepts and never answers: a TLS handshake to it can only time out.
            listener = socket.create_server(("127.0.0.1", port))
            held = []
            while True:
                held.append(listener.accept()[0])
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def do_GET(self):
                body = b"ok\\n"
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args):
                pass
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[2], sys.argv[3])
        if len(sys.argv) > 4:
            context.verify_mode = ssl.CERT_REQUIRED
            context.load_verify_locations(sys.argv[4])
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        server.serve_forever()

        """
}
