/// Toxiproxy's `slicer`: cuts data into pieces of about `average_size` ± `size_variation` bytes, `delay` µs apart.
public struct SlicerFault: DescribedFault {
    public static let name = "slicer"
    public static let summary = "slice data into average_size ± size_variation byte pieces, delay µs apart (fault proxy)"
    public static let requirements: Set<FaultRequirement> = [.proxy]
    public static let parameterHelp = [
        "average_size (bytes, required)",
        "size_variation (bytes, default 0)",
        "delay (µs, default 0)",
        "stream (downstream|upstream, default downstream)",
        "toxicity (0...1, default 1)",
    ]
    public var averageSize: Int
    public var sizeVariation: Int
    public var delay: Int
    var settings: ToxicSettings

    public init(parameters: FaultParameters) throws(FaultError) {
        try parameters.rejectUnknown(allowing: ToxicSettings.keys.union(["average_size", "size_variation", "delay"]))
        averageSize = try parameters.integer("average_size", range: 1...Int(Int32.max))
        sizeVariation = try parameters.integer("size_variation", default: 0, range: 0...Int(Int32.max))
        delay = try parameters.integer("delay", default: 0, range: 0...3_600_000_000)
        if sizeVariation >= averageSize {
            throw FaultError(
                .invalidParameter,
                """
                \(parameters.location).size_variation: \(sizeVariation) must be smaller than average_size (\(averageSize))
                """)
        }
        settings = try ToxicSettings(parameters)
    }

    public func inject(into environment: FaultEnvironment) async throws(FaultError) -> FaultUndo {
        try await settings.inject(
            Self.name, type: "slicer",
            attributes: ["average_size": averageSize, "size_variation": sizeVariation, "delay": delay], into: environment)
    }
}
