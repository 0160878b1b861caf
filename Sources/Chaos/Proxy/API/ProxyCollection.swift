import NIOCore
import NIOPosix

/// The named proxies the control API manages (Toxiproxy's proxy collection): create, update, replace, delete and
/// reset them, with Toxiproxy's status codes in the errors.
public actor ProxyCollection {
    private let group: any EventLoopGroup
    private let seed: UInt64?
    /// Whether proxies may listen on non-loopback hosts (only when the API was opened to them too).
    private let allowsRemoteListen: Bool
    /// Every proxy parses HTTP on every connection, so HTTP toxics added later reach open keep-alive connections.
    private let alwaysParsesHTTP: Bool
    private var proxies: [String: FaultProxy] = [:]

    /// `group` runs the proxies' connections (NIO's shared group by default).
    public init(
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, allowsRemoteListen: Bool = false,
        alwaysParsesHTTP: Bool = false, seed: UInt64? = nil
    ) {
        self.group = group
        self.allowsRemoteListen = allowsRemoteListen
        self.alwaysParsesHTTP = alwaysParsesHTTP
        self.seed = seed
    }

    public var all: [FaultProxy] { proxies.values.sorted { $0.name < $1.name } }

    public func proxy(named name: String) throws(ControlAPIError) -> FaultProxy {
        guard let proxy = proxies[name] else { throw .proxyNotFound(name) }
        return proxy
    }

    /// Creates and starts a proxy; 409 when the name is taken.
    @discardableResult
    public func create(_ spec: ProxySpec) async throws(ControlAPIError) -> FaultProxy {
        let (name, upstream) = try Self.required(spec, position: nil)
        guard proxies[name] == nil else {
            throw ControlAPIError(409, "proxy already exists: '\(name)'; delete it first or POST /populate to replace it")
        }
        let proxy = try await start(spec, name: name, upstream: upstream)
        proxies[name] = proxy
        return proxy
    }

    /// Creates or replaces each proxy (Toxiproxy's populate): one whose listen and upstream are unchanged is kept
    /// with its toxics; the whole request is checked before anything changes.
    public func populate(_ specs: [ProxySpec]) async throws(ControlAPIError) -> [FaultProxy] {
        var seen: Set<String> = []
        for (index, spec) in specs.enumerated() {
            let (name, _) = try Self.required(spec, position: index + 1)
            guard seen.insert(name).inserted else {
                throw ControlAPIError(400, "duplicate proxy name '\(name)' at proxy \(index + 1)")
            }
            _ = try Self.listenAddress(spec, allowsRemote: allowsRemoteListen)
            for toxic in spec.toxics ?? [] { _ = try ToxicRegistry.validatedForAPI(try toxic.toxic()) }
        }
        var result: [FaultProxy] = []
        for spec in specs {
            let (name, upstream) = try Self.required(spec, position: nil)
            if let existing = proxies[name] {
                let sameListen =
                    spec.listen.map {
                        (try? ProxyAddress(parsing: $0, role: "listen"))
                            == (try? ProxyAddress(parsing: existing.listen, role: "listen"))
                    } ?? true
                if sameListen, (try? ProxyAddress(parsing: upstream, role: "upstream"))?.description == existing.upstream {
                    result.append(existing)
                    continue
                }
                await existing.stop()
                proxies[name] = nil
            }
            let proxy = try await start(spec, name: name, upstream: upstream)
            proxies[name] = proxy
            result.append(proxy)
        }
        return result
    }

    /// Applies a POST /proxies/{name} body: new listen or upstream restart the proxy; `enabled` takes it up or down.
    public func update(_ name: String, with spec: ProxySpec) async throws(ControlAPIError) -> FaultProxy {
        let proxy = try proxy(named: name)
        if let listen = spec.listen, !allowsRemoteListen, let address = try? ProxyAddress(parsing: listen, role: "listen"),
            !address.isLoopback
        {
            throw Self.remoteListenError(address)
        }
        do throws(FaultError) {
            try await proxy.update(listen: spec.listen, upstream: spec.upstream)
            if let enabled = spec.enabled, enabled != proxy.isEnabled {
                if enabled { try await proxy.enable() } else { await proxy.stop() }
            }
        } catch {
            throw ControlAPIError(error)
        }
        return proxy
    }

    public func delete(_ name: String) async throws(ControlAPIError) {
        let proxy = try proxy(named: name)
        proxies[name] = nil
        await proxy.stop()
    }

    /// Enables every proxy and removes every toxic (Toxiproxy's POST /reset).
    public func reset() async throws(ControlAPIError) {
        for proxy in proxies.values {
            await proxy.removeAllToxics()
            if !proxy.isEnabled {
                do throws(FaultError) { try await proxy.enable() } catch { throw ControlAPIError(error) }
            }
        }
    }

    /// Stops every proxy (shutdown).
    public func stopAll() async {
        for proxy in proxies.values { await proxy.stop() }
        proxies = [:]
    }

    private func start(_ spec: ProxySpec, name: String, upstream: String) async throws(ControlAPIError) -> FaultProxy {
        let listen = try Self.listenAddress(spec, allowsRemote: allowsRemoteListen)
        do {
            let proxy = try await FaultProxy.start(
                name: name, listen: listen.description, upstream: upstream, group: group, enabled: spec.enabled ?? true,
                seed: seed ?? UInt64.random(in: .min ... .max), alwaysParsesHTTP: alwaysParsesHTTP)
            for toxic in spec.toxics ?? [] {
                try await proxy.addToxic(try ToxicRegistry.validatedForAPI(try toxic.toxic()))
            }
            return proxy
        } catch let error as ControlAPIError {
            throw error
        } catch let error as FaultError {
            throw ControlAPIError(error)
        } catch {
            throw ControlAPIError(500, "\(error)")
        }
    }

    private static func required(_ spec: ProxySpec, position: Int?) throws(ControlAPIError) -> (String, String) {
        let at = position.map { " at proxy \($0)" } ?? ""
        guard let name = spec.name, !name.isEmpty else { throw .missingField("name\(at)") }
        guard let upstream = spec.upstream, !upstream.isEmpty else { throw .missingField("upstream\(at)") }
        do {
            _ = try ProxyAddress(parsing: upstream, role: "upstream")
        } catch {
            throw ControlAPIError(400, error.message)
        }
        return (name, upstream)
    }

    private static func listenAddress(_ spec: ProxySpec, allowsRemote: Bool) throws(ControlAPIError) -> ProxyAddress {
        let address: ProxyAddress
        do {
            address = try ProxyAddress(parsing: spec.listen ?? "127.0.0.1:0", role: "listen")
        } catch {
            throw ControlAPIError(400, error.message)
        }
        if !allowsRemote, !address.isLoopback { throw remoteListenError(address) }
        return address
    }

    private static func remoteListenError(_ address: ProxyAddress) -> ControlAPIError {
        ControlAPIError(
            400,
            "listen \(address) is not a loopback address; proxies listen on 127.0.0.1 unless the API was started with --allow-remote-api"
        )
    }
}

extension ToxicRegistry {
    /// `validated` with the error as the API reports it (400 with the reason).
    static func validatedForAPI(_ toxic: Toxic) throws(ControlAPIError) -> Toxic {
        do {
            return try validated(toxic)
        } catch {
            throw ControlAPIError(error)
        }
    }
}
