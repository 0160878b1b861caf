import Yams

/// A mapping node whose keys were checked against the keys allowed at its place: unknown keys are errors (with the
/// nearest valid key suggested), never silently ignored.
struct ScenarioMapping {
    let field: ScenarioField
    private let entries: [(key: String, value: Node)]
    /// Valid keys suggested for misspelt ones; their absence is not reported again as a missing key.
    private let suggested: Set<String>

    var path: YAMLPath { field.path }
    var diagnostics: ScenarioDiagnostics { field.diagnostics }

    /// `keys` nil accepts any key (headers, JSON paths). `unsupported` keys are valid in later versions of the format;
    /// they get a clearer message than a typo.
    init(field: ScenarioField, pairs: [(key: Node, value: Node)], keys: [String]?, unsupported: [String]) {
        self.field = field
        var entries: [(key: String, value: Node)] = []
        var suggested: Set<String> = []
        for (keyNode, value) in pairs {
            guard case .scalar(let scalar) = keyNode else {
                field.diagnostics.report("keys \(field.path.whereabouts) must be plain names", at: keyNode, path: field.path)
                continue
            }
            let key = scalar.string
            if keys?.contains(key) ?? true {
                entries.append((key, value))
            } else if unsupported.contains(key) {
                field.diagnostics.report(
                    "'\(key)' is not supported by this version; remove it to run this scenario", at: keyNode,
                    path: field.path.appending(key))
            } else {
                let suggestion = Suggestion.nearest(to: key, among: keys ?? [])
                if let suggestion { suggested.insert(suggestion) }
                field.diagnostics.report(
                    "unknown key '\(key)' \(field.path.whereabouts)", at: keyNode, path: field.path, suggestion: suggestion)
            }
        }
        self.entries = entries
        self.suggested = suggested
    }

    /// The value of `key`, or nil when absent.
    subscript(key: String) -> ScenarioField? {
        entries.first { $0.key == key }.map { ScenarioField(node: $0.value, path: path.appending(key), diagnostics: diagnostics) }
    }

    /// The value of `key`, reporting its absence (unless a misspelling of it was already reported).
    func required(_ key: String) -> ScenarioField? {
        guard let value = self[key] else {
            if suggested.contains(key) { return nil }
            diagnostics.report("missing required key '\(key)' \(path.whereabouts)", at: field.node, path: path)
            return nil
        }
        return value
    }

    /// Whether an unknown key here was reported as a misspelling of one of `keys`.
    func misspelt(_ keys: [String]) -> Bool { !suggested.isDisjoint(with: keys) }

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// Which of `keys` are present, in the order given.
    func present(_ keys: [String]) -> [String] { keys.filter(has) }

    /// The keys as written, in document order.
    var keys: [String] { entries.map(\.key) }

    /// Every entry, in document order, for mappings whose keys are data (headers, JSON paths).
    var fields: [(key: String, value: ScenarioField)] {
        entries.map { ($0.key, ScenarioField(node: $0.value, path: path.appending($0.key), diagnostics: diagnostics)) }
    }
}
