import ArgumentParser
import Chaos
import Foundation
import LoadGen

/// `loadgen proxy`: the Toxiproxy-compatible fault proxy and its control API, until Ctrl-C or SIGTERM.
struct ProxyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxy",
        abstract: "Run the fault proxy (Toxiproxy-compatible control API) until interrupted.",
        discussion: """
            Proxies come from --config (Toxiproxy's populate format: a JSON array of {name, listen, upstream, \
            enabled}), from --listen/--upstream, or later from the API (POST /proxies). See docs/proxy.md.
            """
    )

    @Option(help: "Address of the control API (host:port; port 0 picks a free one).")
    var api: String = "127.0.0.1:8474"

    @Option(help: "JSON file of proxies to create at start, in Toxiproxy's populate format.")
    var config: String?

    @Flag(name: .customLong("allow-remote-api"), help: "Allow the API and proxies to listen on a non-loopback host.")
    var allowRemoteAPI = false

    @Option(help: "Create one proxy listening here (host:port), e.g. 127.0.0.1:8081; needs --upstream.")
    var listen: String?

    @Option(help: "The upstream of the --listen proxy (host:port).")
    var upstream: String?

    @Option(help: "Name of the --listen proxy.")
    var name: String = "proxy"

    @Flag(
        name: .customLong("parse-http"),
        help: "Parse HTTP on every connection, so http_abort/http_delay added later reach open keep-alive connections.")
    var parseHTTP = false

    @Option(help: "Seed for every random choice (toxicity, jitter, HTTP percentages), for repeatable runs.")
    var seed: UInt64?

    func validate() throws {
        if (listen == nil) != (upstream == nil) {
            throw ValidationError(
                "--listen and --upstream go together: give both, e.g. --listen 127.0.0.1:8081 --upstream 127.0.0.1:8080")
        }
        do {
            try ProxyControlAPI.check(address: api, allowRemote: allowRemoteAPI)
        } catch {
            throw ValidationError("--api: \(error.message)")
        }
    }

    func run() async throws {
        let interrupts = InterruptSignals.install()
        defer { interrupts.uninstall() }
        let proxies = ProxyCollection(allowsRemoteListen: allowRemoteAPI, alwaysParsesHTTP: parseHTTP, seed: seed)
        var specs: [ProxySpec] = []
        do {
            if let config {
                let data = try Data(contentsOf: URL(fileURLWithPath: config))
                specs = try ProxySpec.list(fromJSON: data)
            }
        } catch let error as ControlAPIError {
            throw CommandFailure.usage("\(config ?? ""): \(error.error)")
        } catch {
            throw CommandFailure.usage("cannot read --config \(config ?? ""): \(error.localizedDescription)")
        }
        if let listen, let upstream { specs.append(ProxySpec(name: name, listen: listen, upstream: upstream)) }
        do {
            for proxy in try await proxies.populate(specs) {
                let state = proxy.isEnabled ? "listening on \(proxy.listen)" : "disabled (listen \(proxy.listen))"
                Self.say("proxy \(proxy.name): \(state), upstream \(proxy.upstream)")
            }
        } catch {
            // A 400 is a mistake in the config or options; anything else (a port in use) is a failure to run.
            throw CommandFailure(description: "cannot start the proxies: \(error.error)", exitCode: error.status == 400 ? 2 : 3)
        }
        let address = api
        let allowRemote = allowRemoteAPI
        let server = Task {
            try await ProxyControlAPI.run(address: address, proxies: proxies, allowRemote: allowRemote) { port in
                let host = address.split(separator: ":").dropLast().joined(separator: ":")
                Self.say("control API listening on http://\(host):\(port)")
            }
        }
        // Whichever comes first: a signal, or the API failing to start (port in use).
        let failure: (any Error)? = await withTaskGroup(of: (any Error)?.self) { group in
            group.addTask {
                _ = await interrupts.wait(); return nil
            }
            group.addTask {
                do { try await server.value; return nil } catch { return error }
            }
            let first = await group.next() ?? nil
            // Awaiting a task's value does not pass cancellation on: cancel the server itself, or the group waits.
            server.cancel()
            group.cancelAll()
            return first
        }
        await proxies.stopAll()
        if let failure { throw CommandFailure(description: "control API on \(api): \(failure)", exitCode: 3) }
    }

    /// Writes a line straight to stdout: scripts wait for these lines through a pipe, where `print` would buffer.
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
