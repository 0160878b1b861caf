import Foundation

/// A proxy to create (POST /proxies, /populate, `--config`): Toxiproxy's fields, every one optional so a missing
/// one gets a clear error (name, upstream) or Toxiproxy's default (listen on a free loopback port, enabled).
/// `toxics` is an addition: toxics to add right away.
public struct ProxySpec: Codable, Sendable, Equatable {
    public var name: String?
    public var listen: String?
    public var upstream: String?
    public var enabled: Bool?
    public var toxics: [ToxicSpec]?

    /// Reads a JSON array of proxies (a `--config` file, a POST /populate body).
    public static func list(fromJSON data: Data) throws(ControlAPIError) -> [ProxySpec] {
        try ControlAPIJSON.decode([ProxySpec].self, from: data)
    }

    public init(name: String, listen: String? = nil, upstream: String, enabled: Bool? = nil, toxics: [ToxicSpec]? = nil) {
        self.name = name
        self.listen = listen
        self.upstream = upstream
        self.enabled = enabled
        self.toxics = toxics
    }
}
