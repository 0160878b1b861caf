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
            throw ControlAPIError(
                400, "invalid toxic type: '\(type)'; expected one of \(ToxicRegistry.names.joined(separator: ", "))")
        }
        guard let stream = Toxic.Stream(rawValue: stream ?? "downstream") else {
            throw ControlAPIError(400, "stream was invalid, can be either upstream or downstream (got '\(self.stream ?? "")')")
        }
        return Toxic(
            name: name.flatMap { $0.isEmpty ? nil : $0 } ?? "\(type)_\(stream.rawValue)", type: type, stream: stream,
            toxicity: toxicity ?? 1, attributes: attributes ?? [:])
    }
}
