/// Where a node sits in the scenario document, printed as users write it: `phases[1].arrival.burst`.
struct YAMLPath: CustomStringConvertible, Sendable {
    private enum Component: Sendable {
        case key(String)
        case index(Int)
    }

    private var components: [Component] = []

    static let root = YAMLPath()

    func appending(_ key: String) -> YAMLPath {
        var path = self
        path.components.append(.key(key))
        return path
    }

    func appending(_ index: Int) -> YAMLPath {
        var path = self
        path.components.append(.index(index))
        return path
    }

    var isRoot: Bool { components.isEmpty }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The path for messages about a key inside this node: "in phases[1]", or "at the top level" for the root.
    var whereabouts: String { isRoot ? "at the top level" : "in \(description)" }
}
