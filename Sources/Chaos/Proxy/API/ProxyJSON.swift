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

/// A toxic to add or update, as a Toxiproxy client sends it; left-out fields take Toxiproxy's defaults
/// (stream downstream, toxicity 1, name `<type>_<stream>`).
public struct ToxicSpec: Codable, Sendable, Equatable {
    public var name: String?
    public var type: String?
    public var stream: String?
    public var toxicity: Double?
    public var attributes: [String: Int]?

    /// The toxic this asks for, or the 400 that says what is wrong.
    func toxic() throws(ControlAPIError) -> Toxic {
        guard let type, !type.isEmpty else { throw .missingField("type") }
        guard ToxicRegistry.kind(named: type) != nil else {
            throw ControlAPIError(400, "invalid toxic type: '\(type)'; expected one of \(ToxicRegistry.names.joined(separator: ", "))")
        }
        guard let stream = Toxic.Stream(rawValue: stream ?? "downstream") else {
            throw ControlAPIError(400, "stream was invalid, can be either upstream or downstream (got '\(self.stream ?? "")')")
        }
        return Toxic(
            name: name.flatMap { $0.isEmpty ? nil : $0 } ?? "\(type)_\(stream.rawValue)", type: type, stream: stream,
            toxicity: toxicity ?? 1, attributes: attributes ?? [:])
    }
}

/// Reads request bodies with errors that point at the field (`attributes.latency: expected a whole number`).
enum ControlAPIJSON {
    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws(ControlAPIError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw .badBody(describe(error))
        } catch {
            throw .badBody("\(error)")
        }
    }

    static func encode<Value: Encodable>(_ value: Value) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the body" : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .typeMismatch(let type, let context):
            let expected = type == Int.self ? "a whole number" : type == Double.self ? "a number" : type == Bool.self ? "true or false" : "\(type)"
            return "\(path(context)): expected \(expected)"
        case .valueNotFound(_, let context):
            return "\(path(context)): must not be null"
        case .keyNotFound(let key, let context):
            return "\(path(context)): missing '\(key.stringValue)'"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
