extension FaultCatalog {
    /// Builds the fault a scenario names (`fault: { latency: {...} }` → `fault(named: "latency", parameters: ...)`);
    /// an unknown name throws, listing every known one.
    public static func fault(named name: String, parameters: FaultParameters) throws(FaultError) -> any Fault {
        guard let kind = kind(named: name) else {
            throw FaultError(
                .invalidParameter,
                "\(parameters.location): unknown fault '\(name)'; expected one of \(names.joined(separator: ", "))")
        }
        return try kind.init(parameters: parameters)
    }
}
