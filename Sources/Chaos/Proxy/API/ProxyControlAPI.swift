import Foundation
import Hummingbird
import Logging
import NIOCore

/// The HTTP control API, compatible with Toxiproxy's (same paths, JSON fields and status codes), so Toxiproxy
/// clients can drive the proxies. Listens on loopback unless a remote host is explicitly allowed.
public enum ProxyControlAPI {
    /// The version `GET /version` reports (Toxiproxy clients check that the field exists).
    public static let version = "2.12.0-loadgen"

    /// Serves the API on `host:port` until the task is cancelled; `onListening` gets the bound port (port 0 picks
    /// a free one). A non-loopback `host` needs `allowRemote`.
    public static func run(
        host: String = "127.0.0.1", port: Int, proxies: ProxyCollection, allowRemote: Bool = false,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        try check(ProxyAddress(host: host, port: port), allowRemote: allowRemote)
        var logger = Logger(label: "proxy-api")
        // Stopping the API cancels its task, which the server logs as errors; its real failures are thrown instead.
        logger.logLevel = .critical
        let app = Application(
            router: router(proxies),
            configuration: .init(address: .hostname(host, port: port), serverName: "toxiproxy-compatible"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
        // The caller owns signal handling (loadgen stops its proxies itself); the server ends when the task is cancelled.
        try await app.runService(gracefulShutdownSignals: [])
    }

    /// Checks an API address written as `host:port` before anything starts: it must parse, and a non-loopback
    /// host needs `allowRemote`.
    public static func check(address: String, allowRemote: Bool) throws(FaultError) {
        try check(ProxyAddress(parsing: address, role: "control API"), allowRemote: allowRemote)
    }

    private static func check(_ address: ProxyAddress, allowRemote: Bool) throws(FaultError) {
        guard allowRemote || address.isLoopback else {
            throw FaultError(
                .invalidParameter,
                "the control API would listen on \(address), reachable from other machines; use 127.0.0.1, or pass --allow-remote-api if that is really meant"
            )
        }
    }

    /// `run` with the address written as `host:port` (`--api 127.0.0.1:8474`).
    public static func run(
        address: String, proxies: ProxyCollection, allowRemote: Bool = false,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let parsed = try ProxyAddress(parsing: address, role: "control API")
        try await run(host: parsed.host, port: parsed.port, proxies: proxies, allowRemote: allowRemote, onListening: onListening)
    }

    static func router(_ proxies: ProxyCollection) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.get("version") { _, _ in json(["version": version]) }
        router.post("reset") { _, _ in
            await respond { () async throws(ControlAPIError) in
                try await proxies.reset()
                return Response(status: .noContent)
            }
        }
        router.get("proxies") { _, _ in
            var index: [String: ProxyDescription] = [:]
            for proxy in await proxies.all { index[proxy.name] = ProxyDescription(proxy) }
            return json(index)
        }
        router.post("proxies") { request, context in
            await respond { () async throws(ControlAPIError) in
                let spec = try await body(ProxySpec.self, of: request, context)
                let proxy = try await proxies.create(spec)
                return json(ProxyDescription(proxy), status: .created)
            }
        }
        router.post("populate") { request, context in
            await respond { () async throws(ControlAPIError) in
                let specs = try await body([ProxySpec].self, of: request, context)
                let created = try await proxies.populate(specs)
                return json(["proxies": created.map(ProxyDescription.init)], status: .created)
            }
        }
        addProxyRoutes(router, proxies)
        addToxicRoutes(router, proxies)
        return router
    }

    private static func addProxyRoutes(_ router: Router<BasicRequestContext>, _ proxies: ProxyCollection) {
        router.get("proxies/:proxy") { _, context in
            await respond { () async throws(ControlAPIError) in
                json(ProxyDescription(try await proxies.proxy(named: parameter("proxy", context))))
            }
        }
        let update: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, context in
            await respond { () async throws(ControlAPIError) in
                let spec = try await body(ProxySpec.self, of: request, context)
                return json(ProxyDescription(try await proxies.update(parameter("proxy", context), with: spec)))
            }
        }
        router.post("proxies/:proxy", use: update)
        router.patch("proxies/:proxy", use: update)
        router.delete("proxies/:proxy") { _, context in
            await respond { () async throws(ControlAPIError) in
                try await proxies.delete(parameter("proxy", context))
                return Response(status: .noContent)
            }
        }
    }

    private static func addToxicRoutes(_ router: Router<BasicRequestContext>, _ proxies: ProxyCollection) {
        router.get("proxies/:proxy/toxics") { _, context in
            await respond { () async throws(ControlAPIError) in
                json(try await proxies.proxy(named: parameter("proxy", context)).toxics())
            }
        }
        router.post("proxies/:proxy/toxics") { request, context in
            await respond { () async throws(ControlAPIError) in
                let proxy = try await proxies.proxy(named: parameter("proxy", context))
                let toxic = try await body(ToxicSpec.self, of: request, context).toxic()
                if proxy.toxic(named: toxic.name) != nil {
                    throw ControlAPIError(
                        409, "toxic already exists: '\(toxic.name)' on proxy '\(proxy.name)'; delete it or update it instead")
                }
                do throws(FaultError) { try await proxy.addToxic(toxic) } catch { throw ControlAPIError(error) }
                return json(proxy.toxic(named: toxic.name) ?? toxic)
            }
        }
        router.get("proxies/:proxy/toxics/:toxic") { _, context in
            await respond { () async throws(ControlAPIError) in
                let proxy = try await proxies.proxy(named: parameter("proxy", context))
                let name = parameter("toxic", context)
                guard let toxic = proxy.toxic(named: name) else { throw .toxicNotFound(name, proxy: proxy.name) }
                return json(toxic)
            }
        }
        let update: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, context in
            await respond { () async throws(ControlAPIError) in
                let proxy = try await proxies.proxy(named: parameter("proxy", context))
                let name = parameter("toxic", context)
                guard proxy.toxic(named: name) != nil else { throw .toxicNotFound(name, proxy: proxy.name) }
                let spec = try await body(ToxicSpec.self, of: request, context)
                do throws(FaultError) {
                    return json(
                        try await proxy.updateToxic(named: name, attributes: spec.attributes ?? [:], toxicity: spec.toxicity))
                } catch {
                    throw ControlAPIError(error)
                }
            }
        }
        router.post("proxies/:proxy/toxics/:toxic", use: update)
        router.patch("proxies/:proxy/toxics/:toxic", use: update)
        router.delete("proxies/:proxy/toxics/:toxic") { _, context in
            await respond { () async throws(ControlAPIError) in
                let proxy = try await proxies.proxy(named: parameter("proxy", context))
                let name = parameter("toxic", context)
                guard proxy.toxic(named: name) != nil else { throw .toxicNotFound(name, proxy: proxy.name) }
                await proxy.removeToxic(named: name)
                return Response(status: .noContent)
            }
        }
    }
}
