/// One toxic, in Toxiproxy's JSON shape (`{"name","type","stream","toxicity","attributes"}`), so Toxiproxy clients
/// and our scenarios describe faults the same way. Attributes are whole numbers, as Toxiproxy's are (milliseconds,
/// KB/s, bytes; `percentage` 0–100 for the HTTP faults).
public struct Toxic: Codable, Sendable, Equatable {
    /// Which direction a toxic acts on: `upstream` (client → server) or `downstream` (server → client).
    public enum Stream: String, Codable, Sendable {
        case upstream
        case downstream
    }

    public var name: String
    /// `latency`, `bandwidth`, `slow_close`, `timeout`, `reset_peer`, `slicer`, `limit_data`, `http_abort`, `http_delay`.
    public var type: String
    public var stream: Stream
    /// The fraction of connections (0...1) the toxic applies to.
    public var toxicity: Double
    public var attributes: [String: Int]

    public init(name: String, type: String, stream: Stream = .downstream, toxicity: Double = 1, attributes: [String: Int] = [:]) {
        self.name = name
        self.type = type
        self.stream = stream
        self.toxicity = toxicity
        self.attributes = attributes
    }
}
