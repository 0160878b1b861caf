import Foundation

/// A proxy as Toxiproxy's API shows it: `{"name","listen","upstream","enabled","toxics"}`.
public struct ProxyDescription: Codable, Sendable, Equatable {
    public var name: String
    public var listen: String
    public var upstream: String
    public var enabled: Bool
    public var toxics: [Toxic]

    init(_ proxy: FaultProxy) {
        name = proxy.name
        listen = proxy.listen
        upstream = proxy.upstream
        enabled = proxy.isEnabled
        toxics = proxy.toxics()
    }
}
