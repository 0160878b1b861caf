/// Names that must be unique within a list (requests, phases); the first use wins, repeats are errors.
struct UniqueNames {
    let kind: String
    private(set) var all: [String] = []

    init(kind: String) {
        self.kind = kind
    }

    mutating func claim(_ field: ScenarioField) -> String? {
        guard let name = field.identifier() else { return nil }
        guard !all.contains(name) else {
            field.fail("\(kind) name '\(name)' is used twice; \(kind) names must be unique")
            return nil
        }
        all.append(name)
        return name
    }
}
